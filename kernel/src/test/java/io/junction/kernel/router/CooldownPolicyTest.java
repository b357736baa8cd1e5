package io.junction.kernel.router;

import io.junction.kernel.config.CooldownSettings;
import io.junction.spi.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CooldownPolicyTest
{
    private final CooldownPolicy policy = new CooldownPolicy(new CooldownSettings(3, Duration.ofSeconds(5), false));

    @Test
    void rateLimitsRejectedKeysAndUnknownModelsCoolDownAtOnce()
    {
        for (ErrorKind kind : new ErrorKind[] {ErrorKind.RATE_LIMITED, ErrorKind.AUTHENTICATION, ErrorKind.NOT_FOUND}) {
            assertEquals(Optional.of(Duration.ofSeconds(5)), policy.decide(Optional.of(kind), Optional.empty(), new HealthCounts(100, 1)), kind.name());
        }
    }

    @Test
    void aLongerRetryAfterOnA429LengthensTheCooldownUpToACap()
    {
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.decide(Optional.of(ErrorKind.RATE_LIMITED), Optional.of(Duration.ofSeconds(30)), counts(0, 1)));
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.decide(Optional.of(ErrorKind.RATE_LIMITED), Optional.of(Duration.ofSeconds(1)), counts(0, 1)));
        assertEquals(Optional.of(CooldownPolicy.MAX_RETRY_AFTER), policy.decide(Optional.of(ErrorKind.RATE_LIMITED), Optional.of(Duration.ofHours(2)), counts(0, 1)));
    }

    @Test
    void otherHealthFailuresCoolDownBeyondAllowedFailsOrAboveHalfWithEnoughAttempts()
    {
        Optional<ErrorKind> serverError = Optional.of(ErrorKind.UPSTREAM_SERVER);
        assertEquals(Optional.empty(), policy.decide(serverError, Optional.empty(), counts(0, 3)), "3 failures are allowed");
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.decide(serverError, Optional.empty(), counts(100, 4)), "the 4th is one too many");
        assertEquals(Optional.empty(), policy.decide(Optional.of(ErrorKind.TIMEOUT), Optional.empty(), counts(2, 2)), "half is not more than half");
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.decide(Optional.of(ErrorKind.TIMEOUT), Optional.empty(), counts(2, 3)));
        CooldownPolicy lenient = new CooldownPolicy(new CooldownSettings(1000, Duration.ofSeconds(5), false));
        assertEquals(Optional.empty(), lenient.decide(serverError, Optional.empty(), counts(0, 4)), "fewer than 5 attempts: no rate yet");
        assertEquals(Optional.of(Duration.ofSeconds(5)), lenient.decide(serverError, Optional.empty(), counts(2, 3)));
    }

    @Test
    void theCallersMistakesAndDisabledCooldownsNeverCoolDown()
    {
        for (ErrorKind kind : new ErrorKind[] {ErrorKind.INVALID_REQUEST, ErrorKind.CONTEXT_WINDOW_EXCEEDED, ErrorKind.CONTENT_POLICY,
                ErrorKind.REQUEST_TOO_LARGE, ErrorKind.PERMISSION_DENIED, ErrorKind.INTERNAL}) {
            assertEquals(Optional.empty(), policy.decide(Optional.of(kind), Optional.empty(), counts(0, 50)), kind.name());
        }
        assertEquals(Optional.empty(), policy.decide(Optional.empty(), Optional.empty(), counts(0, 50)), "a success");
        CooldownPolicy disabled = new CooldownPolicy(new CooldownSettings(3, Duration.ofSeconds(5), true));
        assertEquals(Optional.empty(), disabled.decide(Optional.of(ErrorKind.RATE_LIMITED), Optional.empty(), counts(0, 50)));
    }

    private static HealthCounts counts(long successes, long failures)
    {
        return new HealthCounts(successes, failures);
    }
}
