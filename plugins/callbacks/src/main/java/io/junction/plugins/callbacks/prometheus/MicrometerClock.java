package io.junction.plugins.callbacks.prometheus;

import io.micrometer.core.instrument.Clock;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/** Micrometer's clock taken from the kernel's, so time-dependent figures (a timer's max) follow an injected clock. */
final class MicrometerClock
        implements Clock
{
    private final InstantSource clock;

    MicrometerClock(InstantSource clock)
    {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public long wallTime()
    {
        return clock.millis();
    }

    @Override
    public long monotonicTime()
    {
        // nanoseconds since the epoch fit in a long until the year 2262
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
