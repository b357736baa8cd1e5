package io.junction.spi.callback;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The standard logging record of one request, delivered to callbacks after the response has been sent.
 *
 * @param callId the gateway's id of the request ({@code x-junction-call-id})
 * @param modelGroup the model the client asked for
 * @param deploymentId the deployment that served it; empty when none did (unknown model, no capacity, cache hit)
 * @param provider the provider prefix of that deployment, or empty
 * @param upstreamModel the model name sent upstream, or empty
 * @param startTime when the request arrived
 * @param duration from arrival to the last byte sent
 * @param overhead the gateway's own share of {@code duration}: the rest was spent waiting on upstreams
 * @param timeToFirstToken for streams, arrival to the first chunk sent; empty otherwise
 * @param costUsd the computed spend, 0 when the price is unknown or the response came from cache
 * @param caller who called: the key's alias or a hash of it, never the key itself
 * @param endUser the OpenAI {@code user} field, when given
 * @param status the HTTP status sent to the client
 * @param error the error kind, when the request failed
 * @param errorMessage the error message sent to the client, when the request failed
 * @param attempts how many upstream attempts were made (retries and fallbacks included)
 */
public record RequestLogEvent(
        String callId,
        Endpoint endpoint,
        String modelGroup,
        Optional<String> deploymentId,
        Optional<String> provider,
        Optional<String> upstreamModel,
        boolean stream,
        Instant startTime,
        Duration duration,
        Duration overhead,
        Optional<Duration> timeToFirstToken,
        Usage usage,
        double costUsd,
        boolean cacheHit,
        Optional<String> caller,
        Optional<String> endUser,
        int status,
        Optional<ErrorKind> error,
        Optional<String> errorMessage,
        int attempts)
{
    public RequestLogEvent
    {
        Objects.requireNonNull(callId, "callId is null");
        Objects.requireNonNull(endpoint, "endpoint is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(deploymentId, "deploymentId is null");
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(upstreamModel, "upstreamModel is null");
        Objects.requireNonNull(startTime, "startTime is null");
        Objects.requireNonNull(duration, "duration is null");
        Objects.requireNonNull(overhead, "overhead is null");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken is null");
        Objects.requireNonNull(usage, "usage is null");
        Objects.requireNonNull(caller, "caller is null");
        Objects.requireNonNull(endUser, "endUser is null");
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(errorMessage, "errorMessage is null");
    }

    public boolean succeeded()
    {
        return error.isEmpty();
    }
}
