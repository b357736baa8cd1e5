package io.junction.kernel.router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the router decided, counted since start, for {@code /health/readiness} and metrics. */
public final class RouterCounters
{
    final LongAdder retries = new LongAdder();
    final LongAdder retryBudgetExhausted = new LongAdder();
    final LongAdder retryAfterTooLong = new LongAdder();
    final LongAdder fallbacks = new LongAdder();
    final LongAdder limitRejections = new LongAdder();
    final LongAdder noDeploymentAvailable = new LongAdder();
    final LongAdder contextWindowRejections = new LongAdder();
    final LongAdder cooldownsStarted = new LongAdder();
    final LongAdder cooldownsSparedLastHealthy = new LongAdder();

    /** Names as metrics would use them, in a stable order. */
    public Map<String, Long> snapshot()
    {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("retries", retries.sum());
        counts.put("retry_budget_exhausted", retryBudgetExhausted.sum());
        counts.put("retry_after_too_long", retryAfterTooLong.sum());
        counts.put("fallbacks", fallbacks.sum());
        counts.put("limit_rejections", limitRejections.sum());
        counts.put("no_deployment_available", noDeploymentAvailable.sum());
        counts.put("context_window_rejections", contextWindowRejections.sum());
        counts.put("cooldowns_started", cooldownsStarted.sum());
        counts.put("cooldowns_spared_last_healthy", cooldownsSparedLastHealthy.sum());
        return counts;
    }
}
