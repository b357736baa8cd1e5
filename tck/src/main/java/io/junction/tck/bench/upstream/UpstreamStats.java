package io.junction.tck.bench.upstream;

import java.util.Map;

/**
 * What the fake upstream saw since its counters were last reset.
 *
 * @param requests completion requests received
 * @param streamRequests of those, how many asked for a stream
 * @param peakInFlight most requests being answered at once
 * @param deployments the same counts per deployment key
 */
public record UpstreamStats(long requests, long streamRequests, long peakInFlight, Map<String, DeploymentStats> deployments)
{
    public UpstreamStats
    {
        deployments = Map.copyOf(deployments);
    }

    /**
     * @param served answered normally (2xx, not cut)
     * @param rateLimited refused with 429 by the deployment's rpm quota
     */
    public record DeploymentStats(long requests, long served, long rateLimited, long serverErrors, long stalls, long cuts)
    {
    }

    public long served()
    {
        return deployments.values().stream().mapToLong(DeploymentStats::served).sum();
    }

    public long rateLimited()
    {
        return deployments.values().stream().mapToLong(DeploymentStats::rateLimited).sum();
    }
}
