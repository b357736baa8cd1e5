package io.junction.plugins.routing.latency;

import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

/** {@code routing_strategy: latency-based-routing}, with {@link LatencySettings} from {@code routing_strategy_args}. */
public final class LatencyBasedFactory
        implements RoutingStrategyFactory
{
    public static final String NAME = "latency-based-routing";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public RoutingStrategy create(ConfigView settings, RoutingContext context)
    {
        return new LatencyBasedStrategy(LatencySettings.from(settings), context);
    }
}
