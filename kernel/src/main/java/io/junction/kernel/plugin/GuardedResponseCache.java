package io.junction.kernel.plugin;

import io.junction.spi.cache.CacheKind;
import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.cache.ResponseCache;

import java.util.Optional;

/** A cache whose faults are counted and logged and count as a miss (lookup) or a skipped write (store). */
public final class GuardedResponseCache
        implements ResponseCache
{
    private final String pluginId;
    private final ResponseCache delegate;
    private final PluginFaults faults;
    private final CacheKind kind;

    public GuardedResponseCache(String pluginId, ResponseCache delegate, PluginFaults faults)
    {
        this.pluginId = pluginId;
        this.delegate = delegate;
        this.faults = faults;
        this.kind = delegate.kind();
    }

    @Override
    public CacheKind kind()
    {
        return kind;
    }

    @Override
    public Optional<CachedResponse> lookup(CacheQuery query)
    {
        try {
            Optional<CachedResponse> hit = delegate.lookup(query);
            return hit == null ? Optional.empty() : hit;
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "cache lookup", e);
            return Optional.empty();
        }
    }

    @Override
    public void store(CacheQuery query, CachedResponse response)
    {
        try {
            delegate.store(query, response);
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "cache store", e);
        }
    }

    @Override
    public void close()
    {
        try {
            delegate.close();
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "cache close", e);
        }
    }
}
