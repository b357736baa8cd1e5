package io.junction.spi.routing;

import io.junction.spi.ConfigView;
import io.junction.spi.ExtensionFactory;

/** Creates a strategy named by {@code router_settings.routing_strategy}. */
public interface RoutingStrategyFactory
        extends ExtensionFactory
{
    /**
     * @param settings {@code router_settings}, for strategy-specific keys ({@code routing_strategy_args} and so on)
     */
    RoutingStrategy create(ConfigView settings, RoutingContext context);
}
