package io.junction.plugins.cache.local;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class MutableClock
        implements InstantSource
{
    private volatile Instant now;

    MutableClock(Instant start)
    {
        this.now = start;
    }

    void advance(Duration duration)
    {
        now = now.plus(duration);
    }

    @Override
    public Instant instant()
    {
        return now;
    }
}
