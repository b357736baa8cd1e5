package io.junction.tck.bench.load;

/**
 * The fixed grid of an open-loop load: request {@code i} is meant to leave at {@code start + i / rate}, whatever
 * happened to the requests before it. Latency is measured from this intended time, so a stall of the target shows up
 * in every request that should have been sent during it (coordinated omission corrected).
 *
 * @param startNanos the intended send time of request 0, on the {@link Ticker}'s clock
 * @param ratePerSecond requests per second
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond)
{
    public OpenLoopSchedule
    {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second but was " + ratePerSecond);
        }
    }

    public long intendedNanos(long index)
    {
        if (index < 0) {
            throw new IllegalArgumentException("request index must not be negative but was " + index);
        }
        return startNanos + Math.round(index * 1e9 / ratePerSecond);
    }

    /** The nominal gap between two intended send times. */
    public double intervalNanos()
    {
        return 1e9 / ratePerSecond;
    }
}
