package io.junction.plugins.cache.local;

import io.junction.spi.ConfigView;
import io.junction.spi.cache.CacheContext;
import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.cache.ResponseCache;
import io.junction.spi.provider.Usage;
import io.junction.tck.kit.ManualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalResponseCacheTest
{
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock(START);

    @Test
    void entryExpiresAfterItsOwnTtl()
    {
        ResponseCache cache = cache(Map.of("ttl", 600));
        cache.store(query("short", Duration.ofSeconds(5)), response("short"));
        cache.store(query("long", Duration.ofSeconds(60)), response("long"));

        clock.advance(Duration.ofSeconds(5).minusNanos(1));
        assertTrue(cache.lookup(query("short", TEN_SECONDS)).isPresent(), "still valid 1 ns before its ttl");

        clock.advance(Duration.ofNanos(1));
        assertEquals(Optional.empty(), cache.lookup(query("short", TEN_SECONDS)), "expired at its ttl");
        assertTrue(cache.lookup(query("long", TEN_SECONDS)).isPresent(), "another entry keeps its own, longer ttl");

        clock.advance(Duration.ofSeconds(55));
        assertEquals(Optional.empty(), cache.lookup(query("long", TEN_SECONDS)));
    }

    @Test
    void storingAgainStartsANewLife()
    {
        ResponseCache cache = cache(Map.of());
        cache.store(query("k", TEN_SECONDS), response("first"));
        clock.advance(Duration.ofSeconds(8));
        cache.store(query("k", TEN_SECONDS), response("second"));
        clock.advance(Duration.ofSeconds(8));

        CachedResponse hit = cache.lookup(query("k", TEN_SECONDS)).orElseThrow();

        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), hit.body());
    }

    @Test
    void expiredEntriesAreRemovedByMaintenance()
    {
        LocalResponseCache cache = cache(Map.of());
        IntStream.range(0, 5).forEach(i -> cache.store(query("k" + i, TEN_SECONDS), response("v" + i)));
        assertEquals(5, cache.estimatedSize());

        clock.advance(TEN_SECONDS);
        cache.cleanUp();

        assertEquals(0, cache.estimatedSize());
    }

    @Test
    void sizeBoundHolds()
    {
        LocalResponseCache cache = cache(Map.of("max_size_in_memory", 3));
        for (int i = 0; i < 50; i++) {
            cache.store(query("k" + i, TEN_SECONDS), response("v" + i));
        }
        cache.cleanUp();

        assertEquals(3, cache.estimatedSize());
        long hits = IntStream.range(0, 50).filter(i -> cache.lookup(query("k" + i, TEN_SECONDS)).isPresent()).count();
        assertEquals(3, hits);
    }

    @Test
    void closeEmptiesTheCache()
    {
        LocalResponseCache cache = cache(Map.of());
        cache.store(query("k", TEN_SECONDS), response("v"));

        cache.close();

        assertEquals(Optional.empty(), cache.lookup(query("k", TEN_SECONDS)));
    }

    private LocalResponseCache cache(Map<String, ?> params)
    {
        ConfigView view = new ConfigView("litellm_settings.cache_params", params);
        return (LocalResponseCache) new LocalCacheFactory().create(view, new CacheContext(clock));
    }

    private static CacheQuery query(String key, Duration ttl)
    {
        return new CacheQuery(key, "gpt-4o", "hello", Optional.empty(), ttl);
    }

    private static CachedResponse response(String body)
    {
        return new CachedResponse(body.getBytes(StandardCharsets.UTF_8), Usage.UNKNOWN, START);
    }
}
