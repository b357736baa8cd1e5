package io.junction.plugins.routing.simulation;

import java.util.Map;

/**
 * What one strategy did with the trace.
 *
 * @param firstToken latency percentiles of served streams: until their first token, from arrival (failed attempts
 *        before it included)
 * @param whole latency percentiles of served whole (non-streamed) answers, from arrival
 * @param costUsd what the served attempts cost at the deployments' true prices
 * @param noHeadroom requests the strategy declined at once (the kernel's 429 with Retry-After)
 * @param failed requests that failed after retries
 * @param overLimitAdmissions attempts sent to a deployment whose rpm or tpm (as the kernel counted them) could not
 *        take them
 * @param upstreamRateLimited attempts the provider itself refused for being over its quota
 * @param attemptShare share of all attempts per deployment id
 * @param degradedShare share of the attempts made while the degrading deployment was degraded that went to it
 */
record StrategyResult(
        String label,
        int requests,
        int served,
        int noHeadroom,
        int failed,
        Percentiles firstToken,
        Percentiles whole,
        double costUsd,
        int overLimitAdmissions,
        int upstreamRateLimited,
        Map<String, Double> attemptShare,
        double degradedShare)
{
    /** Milliseconds at the 50th and 99th percentile. */
    record Percentiles(long p50, long p99) {}

    double costPerThousandServed()
    {
        return served == 0 ? 0 : costUsd / served * 1_000;
    }
}
