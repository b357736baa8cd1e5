package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.MachineLoad;
import io.junction.tck.bench.gateway.ProcessMetrics;
import io.junction.tck.bench.load.PhaseMeasurement;
import io.junction.tck.bench.stats.Histograms;
import io.junction.tck.bench.stats.LatencySummary;
import io.junction.tck.bench.stats.PercentileCurve;
import io.junction.tck.bench.upstream.UpstreamStats;

import java.util.Map;
import java.util.Objects;

/**
 * One phase of a scenario as reported: everything measured, summaries in milliseconds, the whole latency histogram
 * (HdrHistogram's compressed encoding, base64) for anyone who wants other percentiles.
 *
 * @param role {@code direct}, {@code gateway} or {@code nginx}
 * @param latency null when no request succeeded
 * @param cpuSecondsPer1k CPU seconds the proxy process used per thousand measured requests, null when not observed
 * @param machine how busy the machine was (other work makes figures noisy), null without /proc
 * @param upstream what the fake upstream saw during the phase
 */
public record PhaseResult(
        String label,
        String role,
        double requestedRate,
        double achievedRate,
        long sent,
        long completed,
        long ok,
        Map<String, Long> errors,
        long lateSends,
        long peakInFlight,
        LatencySummary latency,
        LatencySummary selfReportedOverhead,
        LatencySummary timeToFirstByte,
        LatencySummary chunkGap,
        LatencySummary sendLag,
        Double cpuSecondsPer1k,
        Double peakRssMb,
        Double highWaterMarkMb,
        MachineLoad machine,
        UpstreamStats upstream,
        PercentileCurve latencyCurve,
        String latencyHistogram)
{
    public static final String DIRECT = "direct";
    public static final String GATEWAY = "gateway";
    public static final String NGINX = "nginx";

    public PhaseResult
    {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(role, "role is null");
        errors = Map.copyOf(errors);
    }

    public static PhaseResult of(String label, String role, PhaseMeasurement measurement, ProcessMetrics process, MachineLoad machine, UpstreamStats upstream)
    {
        Double cpuPer1k = null;
        Double peakRss = null;
        Double hwm = null;
        if (process != null) {
            cpuPer1k = measurement.sent() == 0 ? null : process.cpuSeconds() / (measurement.sent() / 1000.0);
            peakRss = process.peakRssMb();
            hwm = process.highWaterMarkMb();
        }
        return new PhaseResult(label, role, measurement.requestedRate(), measurement.achievedRate(), measurement.sent(), measurement.completed(),
                measurement.ok(), measurement.errors(), measurement.lateSends(), measurement.peakInFlight(),
                LatencySummary.of(measurement.latency()), LatencySummary.of(measurement.selfReportedOverhead()),
                LatencySummary.of(measurement.timeToFirstByte()), LatencySummary.of(measurement.chunkGaps()), LatencySummary.of(measurement.sendLag()),
                cpuPer1k, peakRss, hwm, machine, upstream, PercentileCurve.of(measurement.latency()), Histograms.encode(measurement.latency()));
    }

    public long errorCount()
    {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Errors (and requests never answered) per request sent. */
    public double errorRatio()
    {
        return sent == 0 ? 0 : (errorCount() + (sent - completed)) / (double) sent;
    }
}
