package io.junction.spi.routing;

import io.junction.spi.ErrorKind;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one attempt on a deployment ended, fed back to the strategy that chose it.
 *
 * @param error empty when the attempt succeeded
 * @param latency from sending to the last byte (the whole response, or the end of the stream)
 * @param timeToFirstToken for a stream, until its first chunk; otherwise equal to {@code latency}
 * @param stream whether the request was streamed (its time to first token is then what a user waits for)
 */
public record AttemptOutcome(
        String deploymentId,
        String modelGroup,
        Optional<ErrorKind> error,
        Duration latency,
        Duration timeToFirstToken,
        long promptTokens,
        long completionTokens,
        boolean stream)
{
    public AttemptOutcome
    {
        Objects.requireNonNull(deploymentId, "deploymentId is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(latency, "latency is null");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken is null");
    }

    /** An outcome without the stream flag, as before it was added: a stream is recognised by its earlier first token. */
    public AttemptOutcome(String deploymentId, String modelGroup, Optional<ErrorKind> error, Duration latency, Duration timeToFirstToken,
            long promptTokens, long completionTokens)
    {
        this(deploymentId, modelGroup, error, latency, timeToFirstToken, promptTokens, completionTokens, timeToFirstToken.compareTo(latency) < 0);
    }

    public boolean succeeded()
    {
        return error.isEmpty();
    }
}
