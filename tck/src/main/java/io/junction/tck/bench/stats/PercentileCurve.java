package io.junction.tck.bench.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A latency-by-percentile curve, as HdrHistogram's plots draw it: points get denser towards 100 % so the tail is
 * visible on a log scale of {@code 1 / (1 - percentile)}.
 */
public record PercentileCurve(List<Point> points)
{
    /** The last percentile plotted before 100 %: the x axis of a log-scale plot cannot reach 100 %. */
    public static final double LAST_PERCENTILE = 99.9999;

    public PercentileCurve
    {
        points = List.copyOf(points);
    }

    /** @param percentile 0 to 100 @param millis latency at that percentile */
    public record Point(double percentile, double millis) {}

    public static PercentileCurve of(Histogram micros)
    {
        List<Point> points = new ArrayList<>();
        if (micros.getTotalCount() == 0) {
            return new PercentileCurve(points);
        }
        for (HistogramIterationValue value : micros.percentiles(5)) {
            double percentile = Math.min(value.getPercentileLevelIteratedTo(), LAST_PERCENTILE);
            points.add(new Point(percentile, value.getValueIteratedTo() / 1000.0));
            if (percentile >= LAST_PERCENTILE) {
                break;
            }
        }
        return new PercentileCurve(points);
    }
}
