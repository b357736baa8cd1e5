package io.junction.tck.callback;

import io.junction.spi.ErrorKind;
import io.junction.spi.callback.RequestLogEvent;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The request log events the callback kit delivers: every shape the kernel produces. */
public final class LogEvents
{
    /** What the kernel puts in {@code caller}: a SHA-256 of the caller's key, never the key, and still never to be shown. */
    public static final String CALLER_KEY_HASH = "hashed-key:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String MODEL_GROUP = "tck-group";

    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    private LogEvents() {}

    /** A served, non-streamed chat completion with every optional field set. */
    public static RequestLogEvent served(String callId)
    {
        return new RequestLogEvent(callId, Endpoint.CHAT_COMPLETIONS, MODEL_GROUP, Optional.of("tck-deployment-1"), Optional.of("openai"),
                Optional.of("gpt-4o-2024-08-06"), false, START, Duration.ofMillis(420), Duration.ofNanos(180_000), Optional.empty(),
                Usage.of(21, 7), 0.000_35, false, Optional.of(CALLER_KEY_HASH), Optional.of("end-user-42"), 200, Optional.empty(),
                Optional.empty(), 1);
    }

    /** A streamed chat completion, with its time to first token and cached prompt tokens. */
    public static RequestLogEvent streamed(String callId)
    {
        return new RequestLogEvent(callId, Endpoint.CHAT_COMPLETIONS, MODEL_GROUP, Optional.of("tck-deployment-2"), Optional.of("anthropic"),
                Optional.of("claude-sonnet-4"), true, START, Duration.ofSeconds(3), Duration.ofNanos(250_000), Optional.of(Duration.ofMillis(310)),
                new Usage(1_200, 350, 1_550, 1_024, 64), 0.0123, false, Optional.of(CALLER_KEY_HASH), Optional.empty(), 200, Optional.empty(),
                Optional.empty(), 2);
    }

    /** A request that failed before any deployment served it: every optional field is empty, usage unknown. */
    public static RequestLogEvent bare(String callId)
    {
        return new RequestLogEvent(callId, Endpoint.EMBEDDINGS, "tck-unknown-model", Optional.empty(), Optional.empty(), Optional.empty(), false,
                START, Duration.ZERO, Duration.ZERO, Optional.empty(), Usage.UNKNOWN, 0, false, Optional.empty(), Optional.empty(), 404,
                Optional.of(ErrorKind.NOT_FOUND), Optional.empty(), 0);
    }

    /** A request that failed after three attempts, with the message the client saw (quotes, a newline, non-ASCII). */
    public static RequestLogEvent failed(String callId)
    {
        return new RequestLogEvent(callId, Endpoint.COMPLETIONS, MODEL_GROUP, Optional.of("tck-deployment-1"), Optional.of("openai"),
                Optional.of("gpt-3.5-turbo-instruct"), false, START, Duration.ofSeconds(31), Duration.ofMillis(2), Optional.empty(), Usage.UNKNOWN,
                0, false, Optional.of(CALLER_KEY_HASH), Optional.of("\u00e9l\u00e8ve \"quoted\"\nnext line"), 429, Optional.of(ErrorKind.RATE_LIMITED),
                Optional.of("openai returned HTTP 429: Rate limit reached for \"gpt-3.5\"\nretry later \u2013 s\u00fbr"), 3);
    }

    /** A cache hit: no deployment, the original call's usage, no cost. */
    public static RequestLogEvent cacheHit(String callId)
    {
        return new RequestLogEvent(callId, Endpoint.CHAT_COMPLETIONS, MODEL_GROUP, Optional.empty(), Optional.empty(), Optional.empty(), false,
                START, Duration.ofNanos(90_000), Duration.ofNanos(90_000), Optional.empty(), Usage.of(21, 7), 0, true,
                Optional.of(CALLER_KEY_HASH), Optional.empty(), 200, Optional.empty(), Optional.empty(), 0);
    }

    /** Served and streamed events, every field set, with call ids {@code prefix-0 .. prefix-(count-1)}. */
    public static List<RequestLogEvent> complete(String prefix, int count)
    {
        List<RequestLogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String callId = prefix + "-" + i;
            events.add(i % 2 == 0 ? served(callId) : streamed(callId));
        }
        return events;
    }

    /** One of each shape, cycling, with call ids {@code prefix-0 .. prefix-(count-1)}. */
    public static List<RequestLogEvent> mixed(String prefix, int count)
    {
        List<RequestLogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String callId = prefix + "-" + i;
            events.add(switch (i % 5) {
                case 0 -> served(callId);
                case 1 -> streamed(callId);
                case 2 -> bare(callId);
                case 3 -> failed(callId);
                default -> cacheHit(callId);
            });
        }
        return events;
    }
}
