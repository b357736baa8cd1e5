package io.junction.spi.cache;

import java.util.Optional;

/**
 * A response cache. {@link #lookup} runs on the request path and must answer quickly (a remote cache bounds its own
 * wait and answers empty when slow); {@link #store} is called by the kernel off the request path.
 */
public interface ResponseCache
        extends AutoCloseable
{
    CacheKind kind();

    Optional<CachedResponse> lookup(CacheQuery query);

    void store(CacheQuery query, CachedResponse response);

    @Override
    default void close() {}
}
