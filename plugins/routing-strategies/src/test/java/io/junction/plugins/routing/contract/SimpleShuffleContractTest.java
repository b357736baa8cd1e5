package io.junction.plugins.routing.contract;

import io.junction.plugins.routing.shuffle.SimpleShuffleFactory;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The routing kit on {@code simple-shuffle}. Only FAIR: it picks at random (in proportion to weight, rpm or tpm)
 * without looking at the load, leaving rpm/tpm limits to the kernel's reservation after the choice, and it keeps no
 * state to learn from outcomes. It takes no settings of its own, so there is nothing for R12 to refuse.
 */
class SimpleShuffleContractTest
        extends RoutingStrategyContract
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new SimpleShuffleFactory();
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.of(RoutingCapability.FAIR);
    }
}
