package io.junction.kernel.router;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Usage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an attempt ended, for the router's books: limits, health and the strategy's feedback.
 *
 * @param error empty when it succeeded (a stream cut after its first byte counts as failed)
 * @param retryAfter how long the upstream asked callers to wait, if it did
 * @param latency from sending to the last byte
 * @param timeToFirstToken for a stream, until its first chunk; otherwise equal to {@code latency}
 */
public record AttemptEnd(Optional<ErrorKind> error, Optional<Duration> retryAfter, Usage usage, Duration latency, Duration timeToFirstToken, boolean stream)
{
    public AttemptEnd
    {
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(retryAfter, "retryAfter is null");
        Objects.requireNonNull(usage, "usage is null");
        Objects.requireNonNull(latency, "latency is null");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken is null");
    }
}
