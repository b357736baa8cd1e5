package io.junction.tck.bench.scenario;

import io.junction.tck.bench.load.RequestBodies;

import java.time.Duration;
import java.util.Objects;

/**
 * The load of one phase: sent the same way to the upstream directly and to the proxies, so their latencies compare.
 *
 * @param maxConnections connections per target the client may open
 * @param timeout per request
 */
public record LoadShape(double rate, Duration warmup, Duration measure, RequestBodies bodies, boolean streaming, int maxConnections, Duration timeout)
{
    public LoadShape
    {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive but was " + rate);
        }
        Objects.requireNonNull(warmup, "warmup is null");
        Objects.requireNonNull(measure, "measure is null");
        Objects.requireNonNull(bodies, "bodies is null");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1 but was " + maxConnections);
        }
        Objects.requireNonNull(timeout, "timeout is null");
    }

    public LoadShape atRate(double newRate)
    {
        return new LoadShape(newRate, warmup, measure, bodies, streaming, maxConnections, timeout);
    }
}
