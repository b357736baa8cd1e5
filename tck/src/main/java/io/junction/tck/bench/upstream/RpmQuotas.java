package io.junction.tck.bench.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests-per-minute quotas per deployment, counted per UTC minute like a provider's (and like the gateway's own
 * {@code rpm} accounting): the count restarts when the minute changes.
 */
final class RpmQuotas
{
    private static final long MINUTE_MILLIS = 60_000;

    private final Map<String, Integer> limits;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RpmQuotas(Map<String, Integer> limits)
    {
        this.limits = Map.copyOf(limits);
    }

    boolean limits(String deployment)
    {
        return limits.containsKey(deployment);
    }

    /** Counts one request of the deployment at {@code epochMillis} if its quota allows it. */
    Decision tryAcquire(String deployment, long epochMillis)
    {
        Integer limit = limits.get(deployment);
        if (limit == null) {
            return new Decision(true, -1, -1, 0);
        }
        Window window = windows.computeIfAbsent(deployment, key -> new Window());
        long minute = Math.floorDiv(epochMillis, MINUTE_MILLIS);
        long retryAfterSeconds = Math.max(1, (((minute + 1) * MINUTE_MILLIS - epochMillis) + 999) / 1000);
        synchronized (window) {
            if (window.minute != minute) {
                window.minute = minute;
                window.used = 0;
            }
            if (window.used >= limit) {
                return new Decision(false, limit, 0, retryAfterSeconds);
            }
            window.used++;
            return new Decision(true, limit, limit - window.used, retryAfterSeconds);
        }
    }

    /**
     * @param limit the deployment's quota, -1 when it has none
     * @param remaining requests left in the current minute, -1 when unlimited
     * @param retryAfterSeconds seconds until the next minute starts (when the quota is refilled)
     */
    record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds) {}

    private static final class Window
    {
        private long minute = Long.MIN_VALUE;
        private int used;
    }
}
