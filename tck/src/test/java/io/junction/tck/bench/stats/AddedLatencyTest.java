package io.junction.tck.bench.stats;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddedLatencyTest
{
    @Test
    void addedLatencyIsTheProxyMinusDirectAtEachPercentile()
    {
        Histogram direct = Histograms.single();
        Histogram proxied = Histograms.single();
        for (int micros = 1; micros <= 1000; micros++) {
            direct.recordValue(micros);
            // the proxy adds 0.2 ms to every request, and 5 ms more to the slowest one
            proxied.recordValue(micros + 200 + (micros == 1000 ? 5000 : 0));
        }
        AddedLatency added = AddedLatency.between(LatencySummary.of(proxied), LatencySummary.of(direct));

        assertEquals(0.2, added.p50(), 0.001);
        assertEquals(0.2, added.p90(), 0.001);
        assertEquals(0.2, added.p99(), 0.001);
        assertEquals(5.2, added.max(), 0.01);
        assertEquals(added.p99(), added.at("p99"));
        assertThrows(IllegalArgumentException.class, () -> added.at("p42"));
    }

    @Test
    void aCacheMakesAddedLatencyNegative()
    {
        Histogram direct = Histograms.single();
        Histogram proxied = Histograms.single();
        direct.recordValue(2_000);
        proxied.recordValue(300);
        AddedLatency added = AddedLatency.between(LatencySummary.of(proxied), LatencySummary.of(direct));
        assertEquals(-1.7, added.p50(), 0.001);
    }

    @Test
    void summariesAreInMillisecondsAndEmptyHistogramsHaveNone()
    {
        Histogram micros = Histograms.single();
        assertNull(LatencySummary.of(micros));
        Histograms.recordNanos(micros, 1_500_000);
        Histograms.recordNanos(micros, -5);
        LatencySummary summary = LatencySummary.of(micros);
        assertEquals(2, summary.count());
        assertEquals(1.5, summary.max(), 0.002);
        assertEquals(0, Histograms.decode(Histograms.encode(micros)).getMinValue());
        assertEquals(2, Histograms.decode(Histograms.encode(micros)).getTotalCount());
    }

    @Test
    void percentileCurvesRiseTowardsTheTailAndStopBefore100Percent()
    {
        Histogram micros = Histograms.single();
        for (int i = 1; i <= 10_000; i++) {
            micros.recordValue(i);
        }
        PercentileCurve curve = PercentileCurve.of(micros);
        assertEquals(0, curve.points().getFirst().percentile(), 0.001);
        double previous = -1;
        for (PercentileCurve.Point point : curve.points()) {
            assertEquals(true, point.millis() >= previous, "monotonic at " + point.percentile());
            assertEquals(true, point.percentile() <= PercentileCurve.LAST_PERCENTILE);
            previous = point.millis();
        }
        assertEquals(10.0, curve.points().getLast().millis(), 0.01);
    }
}
