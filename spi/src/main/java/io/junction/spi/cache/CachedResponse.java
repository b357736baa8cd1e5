package io.junction.spi.cache;

import io.junction.spi.provider.Usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A response kept in a cache: the OpenAI JSON body as it was sent to the first client.
 *
 * @param usage the token counts of the original call (a hit costs nothing, but is reported with them)
 */
public record CachedResponse(byte[] body, Usage usage, Instant createdAt)
{
    public CachedResponse
    {
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(usage, "usage is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }
}
