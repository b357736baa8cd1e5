package io.junction.plugins.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test (or the simulator) moves it. */
public final class ManualClock
        implements InstantSource
{
    private long millis;

    public ManualClock(Instant start)
    {
        this.millis = start.toEpochMilli();
    }

    public static ManualClock atMinuteStart()
    {
        return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void advance(Duration duration)
    {
        millis += duration.toMillis();
    }

    public void setMillis(long millis)
    {
        this.millis = millis;
    }

    @Override
    public long millis()
    {
        return millis;
    }

    @Override
    public Instant instant()
    {
        return Instant.ofEpochMilli(millis);
    }
}
