package io.junction.tck.kit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the kits move by hand, so that expiry, cooldowns and time windows are tested without sleeping. */
public final class ManualClock
        implements InstantSource
{
    /** A fixed, unremarkable start: no rule may depend on the wall clock. */
    public static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    private final AtomicReference<Instant> now;

    public ManualClock()
    {
        this(START);
    }

    public ManualClock(Instant start)
    {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start is null"));
    }

    @Override
    public Instant instant()
    {
        return now.get();
    }

    public void advance(Duration duration)
    {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, not by " + duration);
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public String toString()
    {
        return "ManualClock[" + now.get() + "]";
    }
}
