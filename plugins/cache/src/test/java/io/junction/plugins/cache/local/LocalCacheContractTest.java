package io.junction.plugins.cache.local;

import io.junction.spi.cache.CacheFactory;
import io.junction.tck.cache.CacheCapability;
import io.junction.tck.cache.ResponseCacheContract;
import io.junction.tck.kit.InvalidSetting;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.junction.plugins.cache.local.LocalCacheSettings.MAX_SIZE_IN_MEMORY;
import static io.junction.plugins.cache.local.LocalCacheSettings.TTL;

/**
 * The cache kit on {@code local}: an exact cache whose entries live for their query's ttl by the injected clock,
 * run with both of its {@code cache_params} set (the defaults, written out), and R12 checks each is validated.
 */
class LocalCacheContractTest
        extends ResponseCacheContract
{
    @Override
    protected CacheFactory factory()
    {
        return new LocalCacheFactory();
    }

    @Override
    protected Set<CacheCapability> capabilities()
    {
        return EnumSet.of(CacheCapability.EXACT, CacheCapability.TTL);
    }

    @Override
    protected Map<String, Object> params()
    {
        return Map.of("type", LocalCacheFactory.NAME, TTL, LocalCacheSettings.DEFAULT_TTL.toSeconds(),
                MAX_SIZE_IN_MEMORY, LocalCacheSettings.DEFAULT_MAX_ENTRIES);
    }

    @Override
    protected List<InvalidSetting> invalidParams()
    {
        return List.of(
                new InvalidSetting(TTL, 0),
                new InvalidSetting(TTL, -1),
                new InvalidSetting(TTL, "ten minutes"),
                new InvalidSetting(MAX_SIZE_IN_MEMORY, 0),
                new InvalidSetting(MAX_SIZE_IN_MEMORY, -5),
                new InvalidSetting(MAX_SIZE_IN_MEMORY, 1.5),
                new InvalidSetting(MAX_SIZE_IN_MEMORY, "lots"));
    }
}
