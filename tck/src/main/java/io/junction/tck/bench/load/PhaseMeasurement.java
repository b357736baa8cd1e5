package io.junction.tck.bench.load;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.Objects;

/**
 * What the measured part of one open-loop phase observed. Histograms are in microseconds and are copies: nothing
 * records into them any more.
 *
 * @param sent requests sent in the measured part
 * @param completed of those, how many ended (answered, failed or timed out) before the drain timeout
 * @param ok of those, how many were 2xx answers read to their end
 * @param errors the other endings by {@link Outcome#errorKey()}
 * @param achievedRate {@code ok} per second over the span the answers arrived in (at least the measured window): below the
 *        requested rate when a backlog builds
 * @param lateSends requests that left more than a millisecond after their intended time (the generator or the client
 *        connection limit held them back; their latency still counts from the intended time)
 * @param peakInFlight most requests outstanding at once
 * @param latency intended send time to complete answer, of {@code ok} requests
 * @param selfReportedOverhead the gateway's {@code x-junction-overhead-ms} header values
 * @param timeToFirstByte intended send time to the first body bytes, of {@code ok} requests
 * @param chunkGaps gaps between successive body reads of streamed answers
 * @param sendLag actual minus intended send time
 */
public record PhaseMeasurement(
        double requestedRate,
        long sent,
        long completed,
        long ok,
        Map<String, Long> errors,
        double achievedRate,
        long lateSends,
        long peakInFlight,
        Histogram latency,
        Histogram selfReportedOverhead,
        Histogram timeToFirstByte,
        Histogram chunkGaps,
        Histogram sendLag)
{
    public PhaseMeasurement
    {
        errors = Map.copyOf(errors);
        Objects.requireNonNull(latency, "latency is null");
        Objects.requireNonNull(selfReportedOverhead, "selfReportedOverhead is null");
        Objects.requireNonNull(timeToFirstByte, "timeToFirstByte is null");
        Objects.requireNonNull(chunkGaps, "chunkGaps is null");
        Objects.requireNonNull(sendLag, "sendLag is null");
    }

    public long errorCount()
    {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests sent that never ended within the drain timeout. */
    public long unanswered()
    {
        return sent - completed;
    }
}
