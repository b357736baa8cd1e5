package io.junction.plugins.routing.shuffle;

import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

/** {@code routing_strategy: simple-shuffle}, LiteLLM's default. It takes no settings of its own. */
public final class SimpleShuffleFactory
        implements RoutingStrategyFactory
{
    public static final String NAME = "simple-shuffle";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public RoutingStrategy create(ConfigView settings, RoutingContext context)
    {
        return new SimpleShuffleStrategy(context.random());
    }
}
