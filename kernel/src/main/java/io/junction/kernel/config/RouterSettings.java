package io.junction.kernel.config;

import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code router_settings}.
 *
 * @param routingStrategy {@code routing_strategy}, default {@code simple-shuffle}
 * @param numRetries {@code num_retries}, else {@code litellm_settings.num_retries}, default 0
 * @param timeout {@code timeout} (seconds): the default upstream timeout of every deployment
 * @param retries how retries wait and how many a group may add ({@code retry_after}, {@code max_retry_delay},
 *        {@code retry_budget_*})
 * @param cooldowns {@code allowed_fails}, {@code cooldown_time}, {@code disable_cooldowns}
 * @param fallbacks {@code fallbacks}, {@code context_window_fallbacks}, {@code content_policy_fallbacks},
 *        {@code default_fallbacks}, {@code max_fallbacks}
 * @param preCallChecks {@code enable_pre_call_checks}: leave out deployments whose context window is too small for
 *        the prompt before choosing (default false)
 * @param redis the Redis the fleet shares limits and cooldowns through; empty: each instance keeps its own
 * @param raw the whole section, for strategy-specific keys
 */
public record RouterSettings(
        String routingStrategy,
        int numRetries,
        Optional<Duration> timeout,
        RetrySettings retries,
        CooldownSettings cooldowns,
        FallbackSettings fallbacks,
        boolean preCallChecks,
        Optional<RedisSettings> redis,
        ConfigView raw)
{
    public static final String DEFAULT_ROUTING_STRATEGY = "simple-shuffle";

    public RouterSettings
    {
        Objects.requireNonNull(routingStrategy, "routingStrategy is null");
        if (numRetries < 0) {
            throw new IllegalArgumentException("numRetries must not be negative");
        }
        Objects.requireNonNull(timeout, "timeout is null");
        Objects.requireNonNull(retries, "retries is null");
        Objects.requireNonNull(cooldowns, "cooldowns is null");
        Objects.requireNonNull(fallbacks, "fallbacks is null");
        Objects.requireNonNull(redis, "redis is null");
        Objects.requireNonNull(raw, "raw is null");
    }

    /** The settings of a router with every default: no retries, no fallbacks, no shared state. */
    public static RouterSettings defaults()
    {
        return new RouterSettings(DEFAULT_ROUTING_STRATEGY, 0, Optional.empty(), RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS,
                FallbackSettings.NONE, false, Optional.empty(), ConfigView.empty("router_settings"));
    }
}
