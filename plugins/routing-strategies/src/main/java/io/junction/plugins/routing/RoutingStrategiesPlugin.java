package io.junction.plugins.routing;

import io.junction.plugins.routing.cost.CostBasedFactory;
import io.junction.plugins.routing.latency.LatencyBasedFactory;
import io.junction.plugins.routing.leastbusy.LeastBusyFactory;
import io.junction.plugins.routing.shuffle.SimpleShuffleFactory;
import io.junction.plugins.routing.usage.UsageBasedFactory;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.List;

/**
 * The routing strategies plugin, under LiteLLM's {@code router_settings.routing_strategy} names. Each strategy
 * lives in its own package with its factory, so adding one means a new package and one line here; what they share
 * (rpm/tpm {@link Headroom}, random tie-breaks, decaying averages) lives in this package.
 */
public class RoutingStrategiesPlugin
        implements JunctionPlugin
{
    public RoutingStrategiesPlugin() {}

    @Override
    public List<RoutingStrategyFactory> routingStrategyFactories()
    {
        return List.of(
                new SimpleShuffleFactory(),
                new LeastBusyFactory(),
                new LatencyBasedFactory(),
                new UsageBasedFactory(),
                new UsageBasedFactory(UsageBasedFactory.FIRST_VERSION_NAME),
                new CostBasedFactory());
    }
}
