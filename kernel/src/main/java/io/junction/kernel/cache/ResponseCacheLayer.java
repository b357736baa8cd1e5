package io.junction.kernel.cache;

import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.cache.ResponseCache;
import io.junction.spi.provider.Endpoint;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The kernel's side of response caching: derives the key, looks up on the request path, and stores off it through
 * a bounded queue (a full queue skips the write and counts it). Only whole (non-streamed) responses are cached.
 */
public final class ResponseCacheLayer
        implements AutoCloseable
{
    private final ResponseCache cache;
    private final Duration ttl;
    private final ThreadPoolExecutor writer;
    private final LongAdder skippedWrites = new LongAdder();

    public ResponseCacheLayer(ResponseCache cache, Duration ttl)
    {
        this.cache = cache;
        this.ttl = ttl;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4096),
                Thread.ofPlatform().daemon().name("junction-cache-writer").factory(),
                (task, executor) -> skippedWrites.increment());
    }

    public CacheQuery query(Endpoint endpoint, String modelGroup, byte[] body)
    {
        return new CacheQuery(CacheKeys.exactKey(endpoint, modelGroup, body), modelGroup, "", Optional.empty(), ttl);
    }

    public Optional<CachedResponse> lookup(CacheQuery query)
    {
        return cache.lookup(query);
    }

    public void storeLater(CacheQuery query, CachedResponse response)
    {
        writer.execute(() -> cache.store(query, response));
    }

    public long skippedWrites()
    {
        return skippedWrites.sum();
    }

    @Override
    public void close()
    {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.close();
    }
}
