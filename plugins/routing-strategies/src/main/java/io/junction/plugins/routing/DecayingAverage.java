package io.junction.plugins.routing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An exponentially weighted average that forgets in two ways, so that it follows a deployment both under heavy
 * and under light traffic:
 * <ul>
 *     <li>by count: the newest sample always carries at least {@code 1/windowSamples} of the weight, so under heavy
 *     traffic the average covers about the last {@code windowSamples} samples;</li>
 *     <li>by time: older samples lose weight as {@code exp(-age / timeConstant)}, so under light traffic a sample
 *     from long ago counts less than one from a moment ago; and once the newest sample is older than
 *     {@code maxAge} there is no average at all.</li>
 * </ul>
 * Time is whatever the caller passes (the injected clock, in milliseconds). Lock-free: a sample replaces an
 * immutable state with compare-and-set; a read is one volatile load and allocates nothing.
 */
public final class DecayingAverage
{
    private record State(double mean, double weight, long newestMillis) {}

    private static final State EMPTY = new State(0, 0, Long.MIN_VALUE);

    private final double maxOldWeight;
    private final double timeConstantMillis;
    private final long maxAgeMillis;
    private final AtomicReference<State> state = new AtomicReference<>(EMPTY);

    /**
     * @param windowSamples at least 1; 1 keeps only the newest sample
     * @param timeConstant how fast old samples fade; {@code null} for never (count only)
     * @param maxAge how long the newest sample keeps the average alive; {@code null} for forever
     */
    public DecayingAverage(int windowSamples, Duration timeConstant, Duration maxAge)
    {
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windowSamples must be at least 1 but was " + windowSamples);
        }
        this.maxOldWeight = windowSamples - 1;
        this.timeConstantMillis = timeConstant == null ? Double.POSITIVE_INFINITY : positiveMillis(timeConstant, "timeConstant");
        this.maxAgeMillis = maxAge == null ? Long.MAX_VALUE : (long) positiveMillis(maxAge, "maxAge");
    }

    public void add(double value, long nowMillis)
    {
        if (!Double.isFinite(value)) {
            return;
        }
        State current;
        State next;
        do {
            current = state.get();
            if (current == EMPTY) {
                next = new State(value, 1, nowMillis);
            }
            else {
                double oldWeight = Math.min(current.weight * fading(nowMillis - current.newestMillis), maxOldWeight);
                double weight = oldWeight + 1;
                next = new State(current.mean + (value - current.mean) / weight, weight, Math.max(nowMillis, current.newestMillis));
            }
        }
        while (!state.compareAndSet(current, next));
    }

    /** The average as of {@code nowMillis}, or NaN when there is no sample or the newest is older than maxAge. */
    public double mean(long nowMillis)
    {
        State current = state.get();
        if (current == EMPTY || age(nowMillis, current) > maxAgeMillis) {
            return Double.NaN;
        }
        return current.mean;
    }

    /** How long ago the newest sample was taken; {@code Long.MAX_VALUE} when there is none. */
    public long ageMillis(long nowMillis)
    {
        State current = state.get();
        return current == EMPTY ? Long.MAX_VALUE : age(nowMillis, current);
    }

    private double fading(long ageMillis)
    {
        // a clock that steps back counts as no time passing
        return ageMillis <= 0 || timeConstantMillis == Double.POSITIVE_INFINITY ? 1 : Math.exp(-ageMillis / timeConstantMillis);
    }

    private static long age(long nowMillis, State current)
    {
        return Math.max(0, nowMillis - current.newestMillis);
    }

    private static double positiveMillis(Duration duration, String name)
    {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
        return duration.toMillis() == 0 ? 1 : duration.toMillis();
    }
}
