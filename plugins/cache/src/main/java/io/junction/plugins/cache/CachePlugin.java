package io.junction.plugins.cache;

import io.junction.plugins.cache.local.LocalCacheFactory;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.cache.CacheFactory;

import java.util.List;

/** The response caches plugin: {@code local} (in memory). Each cache type lives in its own package. */
public class CachePlugin
        implements JunctionPlugin
{
    public CachePlugin() {}

    @Override
    public List<CacheFactory> cacheFactories()
    {
        return List.of(new LocalCacheFactory());
    }
}
