package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.ErrorKind;
import io.junction.spi.callback.RequestLogEvent;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds request log events for tests: a served, non-streamed chat completion unless told otherwise. */
final class Events
{
    private static int calls;

    private String modelGroup = "gpt-4o";
    private Optional<String> deployment = Optional.of("dep-1");
    private boolean stream;
    private Duration duration = Duration.ofMillis(100);
    private Duration overhead = Duration.ofNanos(200_000);
    private Optional<Duration> timeToFirstToken = Optional.empty();
    private Usage usage = Usage.of(10, 5);
    private boolean cacheHit;
    private Optional<String> caller = Optional.empty();
    private Optional<String> endUser = Optional.empty();
    private int status = 200;
    private Optional<ErrorKind> error = Optional.empty();
    private Optional<String> errorMessage = Optional.empty();

    static Events event()
    {
        return new Events();
    }

    Events modelGroup(String modelGroup)
    {
        this.modelGroup = modelGroup;
        return this;
    }

    Events deployment(String deployment)
    {
        this.deployment = Optional.of(deployment);
        return this;
    }

    Events noDeployment()
    {
        this.deployment = Optional.empty();
        return this;
    }

    Events streamed(Duration timeToFirstToken)
    {
        this.stream = true;
        this.timeToFirstToken = Optional.of(timeToFirstToken);
        return this;
    }

    Events duration(Duration duration)
    {
        this.duration = duration;
        return this;
    }

    Events overhead(Duration overhead)
    {
        this.overhead = overhead;
        return this;
    }

    Events usage(Usage usage)
    {
        this.usage = usage;
        return this;
    }

    Events cacheHit()
    {
        this.cacheHit = true;
        this.deployment = Optional.empty();
        return this;
    }

    Events caller(String caller)
    {
        this.caller = Optional.of(caller);
        return this;
    }

    Events endUser(String endUser)
    {
        this.endUser = Optional.of(endUser);
        return this;
    }

    Events failed(ErrorKind kind, String message)
    {
        this.status = kind.httpStatus();
        this.error = Optional.of(kind);
        this.errorMessage = Optional.of(message);
        this.usage = Usage.UNKNOWN;
        return this;
    }

    RequestLogEvent build()
    {
        return new RequestLogEvent("call-" + ++calls, Endpoint.CHAT_COMPLETIONS, modelGroup, deployment,
                deployment.map(id -> "openai"), deployment.map(id -> "gpt-4o-2024-08-06"), stream,
                Instant.parse("2026-11-21T10:00:00Z"), duration, overhead, timeToFirstToken, usage, 0.001, cacheHit, caller,
                endUser, status, error, errorMessage, error.isPresent() ? 3 : 1);
    }
}
