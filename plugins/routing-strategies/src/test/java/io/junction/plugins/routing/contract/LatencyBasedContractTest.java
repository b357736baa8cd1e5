package io.junction.plugins.routing.contract;

import io.junction.plugins.routing.latency.LatencyBasedFactory;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.kit.InvalidSetting;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.junction.plugins.routing.latency.LatencySettings.ARGS;
import static io.junction.plugins.routing.latency.LatencySettings.LOWEST_LATENCY_BUFFER;
import static io.junction.plugins.routing.latency.LatencySettings.MAX_LATENCY_LIST_SIZE;
import static io.junction.plugins.routing.latency.LatencySettings.PROBE_INTERVAL;
import static io.junction.plugins.routing.latency.LatencySettings.TTL;

/**
 * The routing kit on {@code latency-based-routing}, the one strategy that learns from outcomes: failures and
 * latency move its choices. It skips candidates without rpm/tpm headroom and breaks ties at random. It runs with
 * every one of its {@code routing_strategy_args} set (LiteLLM's values), and R12 checks each is validated.
 */
class LatencyBasedContractTest
        extends RoutingStrategyContract
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new LatencyBasedFactory();
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.of(RoutingCapability.RESPECTS_HEADROOM, RoutingCapability.FAIR, RoutingCapability.LEARNS_FROM_OUTCOMES);
    }

    @Override
    protected Map<String, Object> settings()
    {
        return Map.of("routing_strategy", LatencyBasedFactory.NAME,
                ARGS, Map.of(TTL, 3600, LOWEST_LATENCY_BUFFER, 0, MAX_LATENCY_LIST_SIZE, 10, PROBE_INTERVAL, 10));
    }

    @Override
    protected List<InvalidSetting> invalidSettings()
    {
        return List.of(
                new InvalidSetting(ARGS, List.of(TTL, 60)),
                new InvalidSetting(ARGS + "." + TTL, 0),
                new InvalidSetting(ARGS + "." + TTL, -60),
                new InvalidSetting(ARGS + "." + TTL, "an hour"),
                new InvalidSetting(ARGS + "." + LOWEST_LATENCY_BUFFER, -0.5),
                new InvalidSetting(ARGS + "." + LOWEST_LATENCY_BUFFER, "NaN"),
                new InvalidSetting(ARGS + "." + MAX_LATENCY_LIST_SIZE, 0),
                new InvalidSetting(ARGS + "." + MAX_LATENCY_LIST_SIZE, 2.5),
                new InvalidSetting(ARGS + "." + PROBE_INTERVAL, 0),
                new InvalidSetting(ARGS + "." + PROBE_INTERVAL, "often"));
    }
}
