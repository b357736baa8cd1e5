package io.junction.tck.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One open-loop phase: a warm-up at the rate (sent, not recorded) followed without a gap by the measured part.
 *
 * @param drainTimeout how long to wait, after the last send, for the answers still outstanding
 */
public record LoadSpec(double ratePerSecond, Duration warmup, Duration measure, Duration drainTimeout)
{
    public LoadSpec
    {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second but was " + ratePerSecond);
        }
        Objects.requireNonNull(warmup, "warmup is null");
        Objects.requireNonNull(measure, "measure is null");
        Objects.requireNonNull(drainTimeout, "drainTimeout is null");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative but was " + warmup);
        }
        if (measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("measured duration must be positive but was " + measure);
        }
    }

    public long warmupRequests()
    {
        return Math.round(ratePerSecond * warmup.toNanos() / 1e9);
    }

    public long measuredRequests()
    {
        return Math.max(1, Math.round(ratePerSecond * measure.toNanos() / 1e9));
    }

    public long totalRequests()
    {
        return warmupRequests() + measuredRequests();
    }
}
