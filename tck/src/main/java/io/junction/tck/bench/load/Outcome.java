package io.junction.tck.bench.load;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one request ended, with the times the sender observed on the load generator's {@link Ticker}.
 *
 * @param status the HTTP status, 0 when no response began
 * @param completedNanos when the answer was complete (or the failure noticed)
 * @param firstByteNanos when the first body bytes arrived, -1 if none did
 * @param chunkGapsNanos gaps between successive body reads of a streamed answer (empty for whole answers)
 * @param selfReportedOverheadMs the gateway's {@code x-junction-overhead-ms}, when it sent one
 */
public record Outcome(OutcomeKind kind, int status, long completedNanos, long firstByteNanos, long[] chunkGapsNanos,
        OptionalDouble selfReportedOverheadMs)
{
    private static final long[] NO_GAPS = new long[0];

    public Outcome
    {
        Objects.requireNonNull(kind, "kind is null");
        chunkGapsNanos = chunkGapsNanos == null || chunkGapsNanos.length == 0 ? NO_GAPS : chunkGapsNanos.clone();
        Objects.requireNonNull(selfReportedOverheadMs, "selfReportedOverheadMs is null");
    }

    public static Outcome ok(int status, long completedNanos)
    {
        return new Outcome(OutcomeKind.OK, status, completedNanos, -1, NO_GAPS, OptionalDouble.empty());
    }

    public static Outcome failed(OutcomeKind kind, int status, long completedNanos)
    {
        return new Outcome(kind, status, completedNanos, -1, NO_GAPS, OptionalDouble.empty());
    }

    /** The key this outcome is counted under among errors: {@code http_429}, {@code timeout}, {@code connection}... */
    public String errorKey()
    {
        return kind == OutcomeKind.HTTP_STATUS ? "http_" + status : kind.name().toLowerCase(Locale.ROOT);
    }
}
