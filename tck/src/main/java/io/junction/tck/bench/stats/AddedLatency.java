package io.junction.tck.bench.stats;

import java.util.Objects;

/**
 * What a proxy adds, per percentile: its latency minus the latency of the same load sent directly to the upstream,
 * in milliseconds. Percentiles of a difference are not differences of percentiles, but with the same load on the same
 * upstream this is the figure users compare (and what LiteLLM publishes); a negative value is noise or a cache.
 */
public record AddedLatency(double p50, double p90, double p95, double p99, double p999, double max)
{
    public static AddedLatency between(LatencySummary proxied, LatencySummary direct)
    {
        Objects.requireNonNull(proxied, "proxied is null");
        Objects.requireNonNull(direct, "direct is null");
        return new AddedLatency(
                proxied.p50() - direct.p50(),
                proxied.p90() - direct.p90(),
                proxied.p95() - direct.p95(),
                proxied.p99() - direct.p99(),
                proxied.p999() - direct.p999(),
                proxied.max() - direct.max());
    }

    /** The value at a named percentile: {@code p50}, {@code p90}, {@code p95}, {@code p99}, {@code p999} or {@code max}. */
    public double at(String percentile)
    {
        return switch (percentile) {
            case "p50" -> p50;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            case "p999" -> p999;
            case "max" -> max;
            default -> throw new IllegalArgumentException("unknown percentile '" + percentile + "'; use p50, p90, p95, p99, p999 or max");
        };
    }
}
