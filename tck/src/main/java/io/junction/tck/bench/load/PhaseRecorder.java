package io.junction.tck.bench.load;

import io.junction.tck.bench.stats.Histograms;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Records the measured requests of a phase; called from the generator thread and the client's callback threads. */
final class PhaseRecorder
{
    private static final long LATE_NANOS = 1_000_000;

    private final Histogram latency = Histograms.concurrent();
    private final Histogram selfReportedOverhead = Histograms.concurrent();
    private final Histogram timeToFirstByte = Histograms.concurrent();
    private final Histogram chunkGaps = Histograms.concurrent();
    private final Histogram sendLag = Histograms.concurrent();
    private final LongAdder sent = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder lateSends = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong firstCompletionNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastCompletionNanos = new AtomicLong(Long.MIN_VALUE);

    void sent(long intendedNanos, long actualNanos)
    {
        sent.increment();
        long lag = actualNanos - intendedNanos;
        Histograms.recordNanos(sendLag, Math.max(0, lag));
        if (lag > LATE_NANOS) {
            lateSends.increment();
        }
    }

    void completed(long intendedNanos, Outcome outcome)
    {
        completed.increment();
        firstCompletionNanos.accumulateAndGet(outcome.completedNanos(), Math::min);
        lastCompletionNanos.accumulateAndGet(outcome.completedNanos(), Math::max);
        outcome.selfReportedOverheadMs().ifPresent(ms -> Histograms.recordMicros(selfReportedOverhead, Math.round(ms * 1000)));
        if (outcome.kind() != OutcomeKind.OK) {
            errors.computeIfAbsent(outcome.errorKey(), key -> new LongAdder()).increment();
            return;
        }
        ok.increment();
        Histograms.recordNanos(latency, outcome.completedNanos() - intendedNanos);
        if (outcome.firstByteNanos() >= 0) {
            Histograms.recordNanos(timeToFirstByte, outcome.firstByteNanos() - intendedNanos);
        }
        for (long gap : outcome.chunkGapsNanos()) {
            Histograms.recordNanos(chunkGaps, gap);
        }
    }

    /**
     * The achieved rate is answers per second over the span in which they arrived, never a shorter span than the
     * measured part itself: with a steady latency, answers arrive at the rate they were sent; when a backlog builds,
     * they spread over a longer span and the achieved rate falls below the requested one.
     *
     * @param windowNanos the measured part's nominal length (measured requests / rate)
     */
    PhaseMeasurement measurement(double requestedRate, long windowNanos, long peakInFlight)
    {
        long okCount = ok.sum();
        long first = firstCompletionNanos.get();
        long last = lastCompletionNanos.get();
        long elapsed = last == Long.MIN_VALUE ? windowNanos : Math.max(windowNanos, last - first);
        double achieved = elapsed <= 0 ? 0 : okCount * 1e9 / elapsed;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((key, count) -> errorCounts.put(key, count.sum()));
        return new PhaseMeasurement(requestedRate, sent.sum(), completed.sum(), okCount, errorCounts, achieved, lateSends.sum(), peakInFlight,
                Histograms.snapshot(latency), Histograms.snapshot(selfReportedOverhead), Histograms.snapshot(timeToFirstByte),
                Histograms.snapshot(chunkGaps), Histograms.snapshot(sendLag));
    }
}
