package io.junction.plugins.routing.contract;

import io.junction.plugins.routing.usage.UsageBasedFactory;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The routing kit on {@code usage-based-routing-v2}: the lowest token use among candidates with rpm/tpm headroom,
 * ties broken at random; stateless (the figures are the kernel's), so it does not learn from outcomes. No settings
 * of its own: the quotas are each deployment's.
 */
class UsageBasedContractTest
        extends RoutingStrategyContract
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new UsageBasedFactory();
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.of(RoutingCapability.RESPECTS_HEADROOM, RoutingCapability.FAIR);
    }
}
