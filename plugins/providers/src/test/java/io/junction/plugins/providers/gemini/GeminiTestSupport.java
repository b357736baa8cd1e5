package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** What the Gemini and Vertex tests share: predictable ids, a clock they move, JSON helpers. */
final class GeminiTestSupport
{
    private GeminiTestSupport() {}

    /** 00000000-0000-0000-0000-000000000001, ...2, ...: ids a test can predict. */
    static Supplier<UUID> countingUuids()
    {
        AtomicLong counter = new AtomicLong();
        return () -> new UUID(0, counter.incrementAndGet());
    }

    static String uuid(long n)
    {
        return new UUID(0, n).toString();
    }

    static JsonNode json(byte[] bytes)
    {
        try {
            return Json.MAPPER.readTree(bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text)
    {
        try {
            return Json.MAPPER.readTree(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock
            implements InstantSource
    {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start)
        {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration)
        {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant()
        {
            return now.get();
        }
    }
}
