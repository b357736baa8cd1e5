package io.junction.spi.callback;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the kernel lends a callback.
 *
 * @param liveDeployments reads the kernel's live per-deployment figures (cheap; safe to call from a scrape)
 * @param gatewayCounters reads the kernel's own counters since start, by a stable snake_case name: router decisions
 *        ({@code retries}, {@code fallbacks}, {@code cooldowns_started}...) and shared-state health
 *        ({@code shared_state_up}, {@code shared_state_transitions}...); cheap, safe to call from a scrape
 * @param clock the kernel's clock
 */
public record CallbackContext(Supplier<List<LiveDeployment>> liveDeployments, Supplier<Map<String, Long>> gatewayCounters, InstantSource clock)
{
    public CallbackContext
    {
        Objects.requireNonNull(liveDeployments, "liveDeployments is null");
        Objects.requireNonNull(gatewayCounters, "gatewayCounters is null");
        Objects.requireNonNull(clock, "clock is null");
    }

    /** A context without gateway counters. */
    public CallbackContext(Supplier<List<LiveDeployment>> liveDeployments, InstantSource clock)
    {
        this(liveDeployments, Map::of, clock);
    }
}
