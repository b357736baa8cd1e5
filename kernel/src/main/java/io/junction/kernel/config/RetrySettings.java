package io.junction.kernel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How retries wait and how many a model group may add on top of its traffic ({@code router_settings}).
 *
 * @param retryAfter {@code retry_after} (seconds, LiteLLM's name): the least a retry waits when it waits at all
 *        (default 0)
 * @param maxRetryDelay {@code max_retry_delay} (seconds): the longest a request waits before a retry; an upstream
 *        that asks for more with {@code Retry-After} is not retried within the request (default 8 s, LiteLLM's
 *        backoff cap)
 * @param budgetRatio {@code retry_budget_ratio}: retries may add at most this share of a group's first attempts
 *        over the last 10 s (default 0.2)
 * @param budgetMinPerSecond {@code retry_budget_min_per_second}: retries allowed per second regardless of the
 *        ratio, so that a quiet group can still retry (default 10)
 */
public record RetrySettings(Duration retryAfter, Duration maxRetryDelay, double budgetRatio, double budgetMinPerSecond)
{
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(8);
    public static final double DEFAULT_BUDGET_RATIO = 0.2;
    public static final double DEFAULT_BUDGET_MIN_PER_SECOND = 10;
    public static final RetrySettings DEFAULTS = new RetrySettings(Duration.ZERO, DEFAULT_MAX_RETRY_DELAY, DEFAULT_BUDGET_RATIO,
            DEFAULT_BUDGET_MIN_PER_SECOND);

    public RetrySettings
    {
        Objects.requireNonNull(retryAfter, "retryAfter is null");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay is null");
        if (retryAfter.isNegative() || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (!(budgetRatio >= 0) || !(budgetMinPerSecond >= 0) || Double.isInfinite(budgetRatio) || Double.isInfinite(budgetMinPerSecond)) {
            throw new IllegalArgumentException("retry budget figures must be finite and not negative");
        }
    }
}
