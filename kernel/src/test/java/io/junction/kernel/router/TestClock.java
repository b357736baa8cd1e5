package io.junction.kernel.router;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
public final class TestClock
        implements InstantSource
{
    private final AtomicLong millis;

    public TestClock(String start)
    {
        this.millis = new AtomicLong(Instant.parse(start).toEpochMilli());
    }

    @Override
    public Instant instant()
    {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis()
    {
        return millis.get();
    }

    public void advance(Duration duration)
    {
        millis.addAndGet(duration.toMillis());
    }
}
