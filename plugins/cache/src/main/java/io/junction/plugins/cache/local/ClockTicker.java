package io.junction.plugins.cache.local;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/** Caffeine's notion of time taken from the kernel's clock, so that tests move time instead of sleeping. */
final class ClockTicker
        implements Ticker
{
    private final InstantSource clock;

    ClockTicker(InstantSource clock)
    {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public long read()
    {
        // nanoseconds since the epoch fit in a long until the year 2262
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
