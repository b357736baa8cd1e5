package io.junction.plugins.routing.latency;

import io.junction.plugins.routing.DecayingAverage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What latency-based routing knows of one deployment: a {@link DecayingAverage} per {@link LatencyFigure}, the
 * share of its recent attempts that succeeded, and when it was last probed. Thread-safe and lock-free.
 */
final class DeploymentLatency
{
    /** A deployment that fails every attempt scores at most this many times its latency, so probes can clear it. */
    static final double LOWEST_SUCCESS_RATE = 0.05;
    /** Far enough in the past that any interval has passed, near enough that subtracting it cannot overflow. */
    private static final long NEVER = Long.MIN_VALUE / 2;

    private final DecayingAverage firstToken;
    private final DecayingAverage wholeResponse;
    private final DecayingAverage secondsPerToken;
    private final DecayingAverage completionTokens;
    private final DecayingAverage successRate;
    private final AtomicLong lastProbeMillis = new AtomicLong(NEVER);

    DeploymentLatency(LatencySettings settings)
    {
        Duration fading = settings.ttl().dividedBy(3);
        this.firstToken = new DecayingAverage(settings.windowSamples(), fading, settings.ttl());
        this.wholeResponse = new DecayingAverage(settings.windowSamples(), fading, settings.ttl());
        this.secondsPerToken = new DecayingAverage(settings.windowSamples(), fading, settings.ttl());
        this.completionTokens = new DecayingAverage(settings.windowSamples(), fading, settings.ttl());
        this.successRate = new DecayingAverage(settings.windowSamples(), fading, settings.ttl());
    }

    void succeeded(boolean stream, double latencySeconds, double firstTokenSeconds, long completions, long nowMillis)
    {
        successRate.add(1, nowMillis);
        if (stream) {
            firstToken.add(firstTokenSeconds, nowMillis);
            return;
        }
        wholeResponse.add(latencySeconds, nowMillis);
        if (completions > 0) {
            secondsPerToken.add(latencySeconds / completions, nowMillis);
            completionTokens.add(completions, nowMillis);
        }
    }

    /**
     * A failed attempt lowers the success rate. A timeout also counts as a sample of the (large) time it wasted, in
     * every figure: whether it was a stream, it made its caller wait that long for nothing.
     */
    void failed(boolean timedOut, double latencySeconds, long nowMillis)
    {
        successRate.add(0, nowMillis);
        if (!timedOut) {
            return;
        }
        firstToken.add(latencySeconds, nowMillis);
        wholeResponse.add(latencySeconds, nowMillis);
        double typicalCompletion = completionTokens.mean(nowMillis);
        if (typicalCompletion > 0) {
            secondsPerToken.add(latencySeconds / typicalCompletion, nowMillis);
        }
    }

    /**
     * The expected wait for a successful answer: the average latency divided by the success rate (the expected
     * number of attempts, had they all been made here). NaN when the figure has no live samples.
     */
    double score(LatencyFigure figure, long nowMillis)
    {
        double latency = average(figure).mean(nowMillis);
        if (Double.isNaN(latency)) {
            return Double.NaN;
        }
        double success = successRate.mean(nowMillis);
        return Double.isNaN(success) ? latency : latency / Math.max(success, LOWEST_SUCCESS_RATE);
    }

    long ageMillis(LatencyFigure figure, long nowMillis)
    {
        return average(figure).ageMillis(nowMillis);
    }

    boolean hasSamples(LatencyFigure figure, long nowMillis)
    {
        return !Double.isNaN(average(figure).mean(nowMillis));
    }

    /** Whether no probe was sent here within the interval. */
    boolean probeDue(long nowMillis, long intervalMillis)
    {
        return nowMillis - lastProbeMillis.get() >= intervalMillis;
    }

    /** Claims the one probe of this interval; false when another request already took it. */
    boolean claimProbe(long nowMillis, long intervalMillis)
    {
        long last = lastProbeMillis.get();
        return nowMillis - last >= intervalMillis && lastProbeMillis.compareAndSet(last, nowMillis);
    }

    private DecayingAverage average(LatencyFigure figure)
    {
        return switch (figure) {
            case FIRST_TOKEN -> firstToken;
            case SECONDS_PER_TOKEN -> secondsPerToken;
            case WHOLE_RESPONSE -> wholeResponse;
        };
    }
}
