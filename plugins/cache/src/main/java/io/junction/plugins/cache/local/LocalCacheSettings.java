package io.junction.plugins.cache.local;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code cache_params} of the local cache, under LiteLLM's names.
 *
 * @param defaultTtl {@code ttl}: how long an entry lives when the request sets no ttl of its own. The kernel reads
 *        it to fill {@code CacheQuery.ttl()}, which always decides an entry's life here.
 * @param maxEntries {@code max_size_in_memory}: how many responses the cache holds at most
 */
public record LocalCacheSettings(Duration defaultTtl, long maxEntries)
{
    public static final String TTL = "ttl";
    public static final String MAX_SIZE_IN_MEMORY = "max_size_in_memory";
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(600);
    public static final long DEFAULT_MAX_ENTRIES = 10_000;

    public LocalCacheSettings
    {
        Objects.requireNonNull(defaultTtl, "defaultTtl is null");
        if (defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException("defaultTtl must be positive but was " + defaultTtl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1 but was " + maxEntries);
        }
    }

    public static LocalCacheSettings from(ConfigView params)
    {
        // seconds() already refuses negative and non-numeric values, naming the key
        Duration ttl = params.seconds(TTL).orElse(DEFAULT_TTL);
        if (ttl.isZero()) {
            throw new ConfigException(params.keyPath(TTL), "must be a positive number of seconds but was 0. Fix: set it above 0, "
                    + "or remove it for the default of " + DEFAULT_TTL.toSeconds() + ".");
        }
        long maxEntries = params.integer(MAX_SIZE_IN_MEMORY).orElse(DEFAULT_MAX_ENTRIES);
        if (maxEntries < 1) {
            throw new ConfigException(params.keyPath(MAX_SIZE_IN_MEMORY), "must be at least 1 entry but was " + maxEntries
                    + ". Fix: set a positive number of entries, or remove it for the default of " + DEFAULT_MAX_ENTRIES + ".");
        }
        return new LocalCacheSettings(ttl, maxEntries);
    }
}
