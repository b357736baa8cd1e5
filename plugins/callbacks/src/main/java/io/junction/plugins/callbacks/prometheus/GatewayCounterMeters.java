package io.junction.plugins.callbacks.prometheus;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The kernel's own counters (router decisions, shared-state health) as meters: {@code junction_router_<name>_total}
 * counters and {@code junction_shared_state_up}, a gauge that is 1 while Redis answers and 0 while the breaker is
 * open. The kernel is read once per scrape, and every meter reads that snapshot.
 */
final class GatewayCounterMeters
{
    private static final String UP = "shared_state_up";

    private final Supplier<Map<String, Long>> counters;
    private volatile Map<String, Long> snapshot;

    GatewayCounterMeters(MeterRegistry registry, Supplier<Map<String, Long>> counters)
    {
        this.counters = counters;
        this.snapshot = counters.get();
        // the names are fixed when the gateway starts: register each once
        for (String name : snapshot.keySet()) {
            if (name.equals(UP)) {
                Gauge.builder("junction_" + name, this, meters -> meters.value(UP))
                        .description("1 while the shared state (Redis) answers, 0 while its circuit breaker is open")
                        .register(registry);
            }
            else {
                String metric = name.startsWith("shared_state_") ? "junction_" + name : "junction_router_" + name;
                FunctionCounter.builder(metric, this, meters -> meters.value(name))
                        .description("Counted by the gateway since start: " + name.replace('_', ' '))
                        .register(registry);
            }
        }
    }

    /** Reads the kernel's counters for the scrape about to happen. */
    void refresh()
    {
        snapshot = counters.get();
    }

    private double value(String name)
    {
        Long value = snapshot.get(name);
        return value == null ? 0 : value;
    }
}
