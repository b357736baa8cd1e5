package com.example.routing;

import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.kit.InvalidSetting;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs Junction's routing contract on our strategy: every rule of the kit (R1 to R12) is a test of this class.
 * The capabilities say what the strategy promises; the kit checks each promise.
 */
class PreferCheapestHealthyContractTest
        extends RoutingStrategyContract
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new PreferCheapestHealthyFactory();
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.of(RoutingCapability.RESPECTS_HEADROOM, RoutingCapability.FAIR, RoutingCapability.LEARNS_FROM_OUTCOMES);
    }

    @Override
    protected List<InvalidSetting> invalidSettings()
    {
        String cooldown = PreferCheapestHealthyFactory.ARGS + "." + PreferCheapestHealthyFactory.FAILURE_COOLDOWN;
        return List.of(new InvalidSetting(cooldown, 0), new InvalidSetting(cooldown, -5), new InvalidSetting(cooldown, "a minute"));
    }
}
