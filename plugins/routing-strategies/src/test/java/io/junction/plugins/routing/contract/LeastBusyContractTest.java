package io.junction.plugins.routing.contract;

import io.junction.plugins.routing.leastbusy.LeastBusyFactory;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The routing kit on {@code least-busy}: it skips candidates without rpm/tpm headroom and breaks ties at random;
 * it is stateless (the in-flight figure is the kernel's), so it does not learn from outcomes. No settings of its own.
 */
class LeastBusyContractTest
        extends RoutingStrategyContract
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new LeastBusyFactory();
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.of(RoutingCapability.RESPECTS_HEADROOM, RoutingCapability.FAIR);
    }
}
