package io.junction.plugins.routing.contract;

import io.junction.plugins.routing.cost.CostBasedFactory;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The routing kit on {@code cost-based-routing}: the cheapest candidate with rpm/tpm headroom, ties (the kit's
 * unpriced deployments all tie) broken at random. Its outcomes teach it the group's answer length, never which
 * deployment fails, so it does not claim LEARNS_FROM_OUTCOMES. No settings of its own: prices come from each
 * deployment and the shipped table.
 */
class CostBasedContractTest
        extends RoutingStrategyContract
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new CostBasedFactory();
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.of(RoutingCapability.RESPECTS_HEADROOM, RoutingCapability.FAIR);
    }
}
