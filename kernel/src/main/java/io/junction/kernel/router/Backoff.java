package io.junction.kernel.router;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retrying on a deployment that just failed, when no other healthy deployment is left:
 * the upstream's {@code Retry-After} when it sent one, else LiteLLM's exponential backoff (0.5 s, doubling) with up
 * to 25% jitter, and never less than {@code retry_after}.
 */
final class Backoff
{
    static final Duration INITIAL = Duration.ofMillis(500);
    static final double JITTER = 0.25;

    private Backoff() {}

    /**
     * @param retryNumber 1 for the first retry of the request in this group
     * @param cap the longest computed wait (a {@code Retry-After} is returned whole: the caller decides)
     */
    static Duration delay(int retryNumber, Optional<Duration> retryAfter, Duration minimum, Duration cap, RandomGenerator random)
    {
        Duration wait;
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            wait = retryAfter.get();
        }
        else {
            long exponential = INITIAL.toMillis() << Math.min(20, Math.max(0, retryNumber - 1));
            long capped = Math.min(exponential, cap.toMillis());
            wait = Duration.ofMillis(Math.round(capped * (1 - JITTER * random.nextDouble())));
        }
        return wait.compareTo(minimum) < 0 ? minimum : wait;
    }
}
