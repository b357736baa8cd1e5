package io.junction.kernel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failing deployment is taken out of rotation ({@code router_settings}), with LiteLLM's names and defaults.
 *
 * @param allowedFails {@code allowed_fails}: failures a deployment may have in one UTC minute; one more cools it down
 *        (default 3)
 * @param cooldownTime {@code cooldown_time} (seconds): how long a cooled-down deployment is left out (default 5 s)
 * @param disabled {@code disable_cooldowns}: never cool a deployment down (default false)
 */
public record CooldownSettings(int allowedFails, Duration cooldownTime, boolean disabled)
{
    public static final int DEFAULT_ALLOWED_FAILS = 3;
    public static final Duration DEFAULT_COOLDOWN_TIME = Duration.ofSeconds(5);
    public static final CooldownSettings DEFAULTS = new CooldownSettings(DEFAULT_ALLOWED_FAILS, DEFAULT_COOLDOWN_TIME, false);

    public CooldownSettings
    {
        if (allowedFails < 0) {
            throw new IllegalArgumentException("allowedFails must not be negative");
        }
        Objects.requireNonNull(cooldownTime, "cooldownTime is null");
        if (cooldownTime.isNegative() || cooldownTime.isZero()) {
            throw new IllegalArgumentException("cooldownTime must be positive");
        }
    }
}
