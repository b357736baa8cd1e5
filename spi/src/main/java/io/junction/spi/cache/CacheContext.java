package io.junction.spi.cache;

import java.time.InstantSource;
import java.util.Objects;

/** What the kernel lends a cache: its clock, so expiry is testable without sleeping. */
public record CacheContext(InstantSource clock)
{
    public CacheContext
    {
        Objects.requireNonNull(clock, "clock is null");
    }
}
