package io.junction.plugins.cache.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.junction.spi.cache.CacheKind;
import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.cache.ResponseCache;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * An in-memory exact cache on Caffeine, keyed on {@link CacheQuery#key()}. Each entry lives for the ttl of the query
 * that stored it (storing again under the same key starts a new life), and the cache holds at most
 * {@link LocalCacheSettings#maxEntries()} entries, evicting by Caffeine's frequency-aware policy.
 * <p>
 * Maintenance (eviction, expiry clean-up) runs on the calling thread rather than the common pool: it is cheap and
 * amortised, and it keeps the cache's behaviour a function of its calls, which tests rely on.
 */
public final class LocalResponseCache
        implements ResponseCache
{
    private final Cache<String, Entry> entries;

    public LocalResponseCache(LocalCacheSettings settings, InstantSource clock)
    {
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(Expiry.writing((String key, Entry entry) -> entry.ttl()))
                .ticker(new ClockTicker(clock))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CacheKind kind()
    {
        return CacheKind.EXACT;
    }

    @Override
    public Optional<CachedResponse> lookup(CacheQuery query)
    {
        // Caffeine checks expiry on read, so an expired entry misses even before it is cleaned up
        Entry entry = entries.getIfPresent(query.key());
        return entry == null ? Optional.empty() : Optional.of(entry.response());
    }

    @Override
    public void store(CacheQuery query, CachedResponse response)
    {
        // copy the body: the caller's buffer may be reused once the response has been sent
        CachedResponse copy = new CachedResponse(response.body().clone(), response.usage(), response.createdAt());
        entries.put(query.key(), new Entry(copy, query.ttl()));
    }

    /** How many entries the cache holds, expired ones not yet cleaned up included. */
    public long estimatedSize()
    {
        return entries.estimatedSize();
    }

    /** Runs pending eviction and expiry now. */
    public void cleanUp()
    {
        entries.cleanUp();
    }

    @Override
    public void close()
    {
        entries.invalidateAll();
        entries.cleanUp();
    }

    private record Entry(CachedResponse response, Duration ttl) {}
}
