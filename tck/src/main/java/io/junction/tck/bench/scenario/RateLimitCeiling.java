package io.junction.tck.bench.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * The most requests an rpm quota can let through an open-loop load: per UTC minute the load touches, the smaller of
 * the requests sent in that minute and the quota. A run that crosses a minute boundary gets a fresh quota, as it
 * would from a provider.
 */
public final class RateLimitCeiling
{
    private static final long MINUTE_MILLIS = 60_000;

    private RateLimitCeiling() {}

    /**
     * @param startEpochMillis when the first request was sent
     * @param rate requests per second
     * @param count requests sent
     * @param quotaPerMinute requests allowed per minute
     */
    public static long of(long startEpochMillis, double rate, long count, long quotaPerMinute)
    {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive but was " + rate);
        }
        Map<Long, Long> perMinute = new TreeMap<>();
        for (long i = 0; i < count; i++) {
            long sentAt = startEpochMillis + (long) Math.floor(i * 1000.0 / rate);
            perMinute.merge(Math.floorDiv(sentAt, MINUTE_MILLIS), 1L, Long::sum);
        }
        return perMinute.values().stream().mapToLong(sent -> Math.min(sent, quotaPerMinute)).sum();
    }

    /** A quota scaled with the run's duration factor, so short CI runs still exceed it; never below 1. */
    public static int scaledQuota(int quota, double durationFactor)
    {
        return (int) Math.max(1, Math.round(quota * Math.min(1.0, durationFactor)));
    }
}
