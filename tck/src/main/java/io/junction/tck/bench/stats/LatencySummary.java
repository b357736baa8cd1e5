package io.junction.tck.bench.stats;

import org.HdrHistogram.Histogram;

/** The percentiles a report shows, in milliseconds, of a histogram recorded in microseconds. */
public record LatencySummary(long count, double p50, double p90, double p95, double p99, double p999, double max, double mean)
{
    public LatencySummary
    {
        if (count <= 0) {
            throw new IllegalArgumentException("a latency summary needs at least one value but count was " + count);
        }
    }

    /** The summary of the histogram, or null when it holds no value. */
    public static LatencySummary of(Histogram micros)
    {
        if (micros.getTotalCount() == 0) {
            return null;
        }
        return new LatencySummary(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()),
                micros.getMean() / 1000.0);
    }

    private static double millis(long micros)
    {
        return micros / 1000.0;
    }
}
