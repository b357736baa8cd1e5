package io.junction.spi.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cache looks up or stores under.
 *
 * @param key a hex digest of the canonical request (model group and every parameter, JSON key order ignored)
 * @param modelGroup the model group, so a semantic cache never answers one model with another's response
 * @param promptText the prompt as text, for semantic matching
 * @param embedding the prompt's embedding, present only for a {@link CacheKind#SEMANTIC} cache
 * @param ttl how long a stored entry stays valid
 */
public record CacheQuery(String key, String modelGroup, String promptText, Optional<float[]> embedding, Duration ttl)
{
    public CacheQuery
    {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(promptText, "promptText is null");
        Objects.requireNonNull(embedding, "embedding is null");
        Objects.requireNonNull(ttl, "ttl is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive but was " + ttl);
        }
    }
}
