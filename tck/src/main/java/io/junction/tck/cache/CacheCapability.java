package io.junction.tck.cache;

import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;

import java.util.EnumSet;
import java.util.Set;

/** What a response cache declares. Exactly one of {@link #EXACT} and {@link #SEMANTIC}, matching its kind. */
public enum CacheCapability
{
    /** Matches the same canonical request only (its key). */
    EXACT,
    /** Also matches a similar prompt of the same model group, by its embedding. */
    SEMANTIC,
    /** An entry expires after the ttl of the query that stored it, by the injected clock. */
    TTL;

    /** The factory's kind, and TTL (every cache must honour the ttl it is given). */
    public static Set<CacheCapability> derivedFrom(CacheFactory factory)
    {
        return EnumSet.of(factory.kind() == CacheKind.SEMANTIC ? SEMANTIC : EXACT, TTL);
    }
}
