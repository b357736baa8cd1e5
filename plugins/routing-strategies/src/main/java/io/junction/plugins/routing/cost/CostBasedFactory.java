package io.junction.plugins.routing.cost;

import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

/**
 * {@code routing_strategy: cost-based-routing}. It takes no settings of its own: prices come from each deployment's
 * {@code input_cost_per_token}/{@code output_cost_per_token}, else from the shipped {@link PriceTable}.
 */
public final class CostBasedFactory
        implements RoutingStrategyFactory
{
    public static final String NAME = "cost-based-routing";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public RoutingStrategy create(ConfigView settings, RoutingContext context)
    {
        return new CostBasedStrategy(PriceTable.shipped(), context);
    }
}
