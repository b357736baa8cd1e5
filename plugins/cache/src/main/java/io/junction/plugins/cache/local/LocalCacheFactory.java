package io.junction.plugins.cache.local;

import io.junction.spi.ConfigView;
import io.junction.spi.cache.CacheContext;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;
import io.junction.spi.cache.ResponseCache;

/** {@code cache_params.type: local}: an exact-match cache in the gateway's own memory. */
public final class LocalCacheFactory
        implements CacheFactory
{
    public static final String NAME = "local";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public CacheKind kind()
    {
        return CacheKind.EXACT;
    }

    @Override
    public ResponseCache create(ConfigView params, CacheContext context)
    {
        return new LocalResponseCache(LocalCacheSettings.from(params), context.clock());
    }
}
