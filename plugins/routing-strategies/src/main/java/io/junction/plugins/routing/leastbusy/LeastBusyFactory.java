package io.junction.plugins.routing.leastbusy;

import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

/** {@code routing_strategy: least-busy}. It takes no settings of its own. */
public final class LeastBusyFactory
        implements RoutingStrategyFactory
{
    public static final String NAME = "least-busy";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public RoutingStrategy create(ConfigView settings, RoutingContext context)
    {
        return new LeastBusyStrategy(context.random());
    }
}
