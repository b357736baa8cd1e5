package io.junction.plugins.routing;

import io.junction.plugins.routing.shuffle.SimpleShuffleFactory;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.List;

/**
 * The routing strategies plugin. Each strategy lives in its own package with its factory, so adding one
 * (least-busy, latency-based, usage-based, cost-based) means a new package and one line here.
 */
public class RoutingStrategiesPlugin
        implements JunctionPlugin
{
    public RoutingStrategiesPlugin() {}

    @Override
    public List<RoutingStrategyFactory> routingStrategyFactories()
    {
        return List.of(new SimpleShuffleFactory());
    }
}
