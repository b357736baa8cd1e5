package io.junction.kernel.router;

import io.junction.kernel.config.CooldownSettings;
import io.junction.spi.ErrorKind;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a failed attempt should cool its deployment down, and for how long (LiteLLM's rules). Only failures that
 * point at the deployment ({@link AttemptHealth#FAILURE}) count. It cools down:
 * <ul>
 * <li>at once on a rate limit (429), a rejected key (401) or an unknown model (404): the deployment will not do
 * better on the next request;</li>
 * <li>when its failures this minute exceed {@code allowed_fails};</li>
 * <li>when more than half of this minute's attempts failed, once there are at least {@value #MIN_ATTEMPTS}.</li>
 * </ul>
 * The cooldown lasts {@code cooldown_time}, or the upstream's {@code Retry-After} on a 429 when that is longer (at
 * most {@link #MAX_RETRY_AFTER}).
 */
final class CooldownPolicy
{
    static final int MIN_ATTEMPTS = 5;
    static final double FAILURE_RATE = 0.5;
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final CooldownSettings settings;

    CooldownPolicy(CooldownSettings settings)
    {
        this.settings = settings;
    }

    /**
     * @param counts the deployment's successes and failures this minute, this failure included
     * @return how long to cool down, or empty to keep the deployment in rotation
     */
    Optional<Duration> decide(Optional<ErrorKind> error, Optional<Duration> retryAfter, HealthCounts counts)
    {
        if (settings.disabled() || AttemptHealth.of(error) != AttemptHealth.FAILURE) {
            return Optional.empty();
        }
        ErrorKind kind = error.orElseThrow();
        boolean immediate = kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.AUTHENTICATION || kind == ErrorKind.NOT_FOUND;
        boolean tooMany = counts.failures() > settings.allowedFails();
        boolean tooHighARate = counts.attempts() >= MIN_ATTEMPTS && counts.failures() > FAILURE_RATE * counts.attempts();
        if (!immediate && !tooMany && !tooHighARate) {
            return Optional.empty();
        }
        Duration duration = settings.cooldownTime();
        if (kind == ErrorKind.RATE_LIMITED && retryAfter.isPresent() && retryAfter.get().compareTo(duration) > 0) {
            duration = retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
        }
        return Optional.of(duration);
    }

    /** Why, in a few words, for the log line. */
    String reason(ErrorKind kind, HealthCounts counts)
    {
        return switch (kind) {
            case RATE_LIMITED -> "rate limited (429)";
            case AUTHENTICATION -> "the upstream rejected its key (401)";
            case NOT_FOUND -> "the upstream does not know its model (404)";
            default -> counts.failures() + " failures and " + counts.successes() + " successes this minute (last: " + kind.openAiType() + ")";
        };
    }
}
