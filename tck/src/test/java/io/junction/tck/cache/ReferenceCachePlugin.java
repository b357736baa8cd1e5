package io.junction.tck.cache;

import io.junction.spi.JunctionPlugin;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;

import java.util.List;

/** The reference cache as a plugin, for the validator's tests: packed into a jar with its classes. */
public final class ReferenceCachePlugin
        implements JunctionPlugin
{
    @Override
    public List<CacheFactory> cacheFactories()
    {
        return List.of(new ReferenceCache.Factory(ReferenceCache.Fault.NONE, CacheKind.EXACT));
    }

    /** The same cache, forgetting nothing: entries never expire. */
    public static final class IgnoringTtl
            implements JunctionPlugin
    {
        @Override
        public List<CacheFactory> cacheFactories()
        {
            return List.of(new ReferenceCache.Factory(ReferenceCache.Fault.IGNORES_TTL, CacheKind.EXACT));
        }
    }
}
