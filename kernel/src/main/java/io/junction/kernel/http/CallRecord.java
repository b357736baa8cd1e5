package io.junction.kernel.http;

import io.junction.kernel.router.RouteTrace;
import io.junction.spi.ErrorKind;
import io.junction.spi.callback.RequestLogEvent;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one request did, filled in as it goes, and turned into the callbacks' log event at its end. */
final class CallRecord
{
    final String callId;
    final Endpoint endpoint;
    final Instant startTime;
    final long startNanos;
    final Optional<String> caller;

    String modelGroup = "";
    boolean stream;
    Optional<String> endUser = Optional.empty();
    String deploymentId;
    String provider;
    String upstreamModel;
    long timeToFirstTokenNanos = -1;
    Usage usage = Usage.UNKNOWN;
    double costUsd;
    boolean cacheHit;
    int status;
    ErrorKind error;
    String errorMessage;
    /** What the router tried, once the request reached it; its counts go to the headers and the log event. */
    RouteTrace trace;
    long upstreamWaitNanos;

    CallRecord(String callId, Endpoint endpoint, Instant startTime, long startNanos, Optional<String> caller)
    {
        this.callId = callId;
        this.endpoint = endpoint;
        this.startTime = startTime;
        this.startNanos = startNanos;
        this.caller = caller;
    }

    void failed(GatewayError gatewayError)
    {
        status = gatewayError.status();
        error = gatewayError.kind();
        errorMessage = gatewayError.getMessage();
    }

    int attempts()
    {
        return trace == null ? 0 : trace.attempts();
    }

    /** Attempts that repeated a model group's attempt, for LiteLLM's headers. */
    int retries()
    {
        return trace == null ? 0 : trace.retries();
    }

    /** Fallback groups tried, for LiteLLM's headers. */
    int fallbacks()
    {
        return trace == null ? 0 : trace.fallbacks();
    }

    /** The gateway's own time so far: everything except the time spent waiting on upstreams. */
    long overheadNanos(long nowNanos)
    {
        return Math.max(0, nowNanos - startNanos - upstreamWaitNanos);
    }

    RequestLogEvent toEvent(long endNanos)
    {
        return new RequestLogEvent(
                callId,
                endpoint,
                modelGroup,
                Optional.ofNullable(deploymentId),
                Optional.ofNullable(provider),
                Optional.ofNullable(upstreamModel),
                stream,
                startTime,
                Duration.ofNanos(endNanos - startNanos),
                Duration.ofNanos(overheadNanos(endNanos)),
                timeToFirstTokenNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(timeToFirstTokenNanos)),
                usage,
                costUsd,
                cacheHit,
                caller,
                endUser,
                status,
                Optional.ofNullable(error),
                Optional.ofNullable(errorMessage),
                attempts());
    }
}
