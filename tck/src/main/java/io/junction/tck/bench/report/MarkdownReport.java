package io.junction.tck.bench.report;

import io.junction.tck.bench.budget.Budget;
import io.junction.tck.bench.budget.BudgetVerdict;
import io.junction.tck.bench.scenario.Comparison;
import io.junction.tck.bench.scenario.PhaseResult;
import io.junction.tck.bench.scenario.ScenarioResult;
import io.junction.tck.bench.stats.AddedLatency;
import io.junction.tck.bench.stats.LatencySummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code results.md}: per scenario, a table of its phases, the added latency, its metrics and its budget verdicts. */
public final class MarkdownReport
{
    // the shared harness in /work/shared/bench repeats a step above this much CPU used by other processes
    private static final double NOISY_CORES = 0.25;

    private MarkdownReport() {}

    public static void write(BenchReport report, Path file)
            throws IOException
    {
        Files.writeString(file, render(report));
    }

    public static String render(BenchReport report)
    {
        StringBuilder md = new StringBuilder();
        RunInfo run = report.run();
        md.append("# Junction benchmark, ").append(run.startedAt()).append("\n\n");
        md.append("- Machine: ").append(run.host()).append(", ").append(run.cpus()).append(" CPUs, ").append(run.os()).append(", Java ").append(run.java()).append('\n');
        md.append("- Gateway: ").append(run.gateway()).append('\n');
        md.append("- Fake upstream: ").append(run.upstream()).append("; payload ").append(run.payloadBytes()).append(" bytes (LiteLLM's locust body)\n");
        md.append("- Duration factor: ").append(Numbers.metric(run.durationFactor())).append("; scenarios: ").append(String.join(", ", run.scenarios())).append('\n');
        md.append("- Latency is measured from each request's intended send time (open loop, coordinated omission corrected); ")
                .append("added latency = proxy minus direct at the same percentile and load.\n\n");
        md.append(verdictTable(report.verdicts()));
        for (ScenarioResult scenario : report.scenarios()) {
            md.append(scenario(scenario, report.verdicts()));
        }
        return md.toString();
    }

    static String verdictTable(List<BudgetVerdict> verdicts)
    {
        if (verdicts.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Budgets\n\n| verdict | budget | source |\n|---|---|---|\n");
        for (BudgetVerdict verdict : verdicts) {
            md.append("| ").append(badge(verdict.status())).append(" | ").append(cell(verdict.message())).append(" | ")
                    .append(cell(source(verdict.budget()))).append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static String scenario(ScenarioResult scenario, List<BudgetVerdict> verdicts)
    {
        StringBuilder md = new StringBuilder("## ").append(scenario.name()).append("\n\n");
        if (scenario.description() != null) {
            md.append(scenario.description()).append("\n\n");
        }
        if (scenario.status() != ScenarioResult.Status.COMPLETED) {
            return md.append("**").append(scenario.status().name().toLowerCase(Locale.ROOT)).append("**: ").append(scenario.reason()).append("\n\n").toString();
        }
        md.append(phaseTable(scenario.phases()));
        noise(scenario.phases()).forEach(warning -> md.append("> ").append(warning).append("\n\n"));
        md.append(addedTable(scenario.comparisons(), scenario.phases()));
        if (!scenario.metrics().isEmpty()) {
            md.append("Metrics: ").append(scenario.metrics().entrySet().stream()
                    .map(entry -> "`" + entry.getKey() + "` " + Numbers.metric(entry.getValue())).collect(Collectors.joining(", "))).append("\n\n");
        }
        List<BudgetVerdict> own = verdicts.stream().filter(verdict -> verdict.budget().scenario().equals(scenario.name())).toList();
        for (BudgetVerdict verdict : own) {
            md.append("- ").append(badge(verdict.status())).append(' ').append(verdict.message()).append('\n');
        }
        if (!own.isEmpty()) {
            md.append('\n');
        }
        for (String note : scenario.notes()) {
            md.append("> ").append(note).append('\n');
        }
        return md.append('\n').toString();
    }

    static String phaseTable(List<PhaseResult> phases)
    {
        StringBuilder md = new StringBuilder("| phase | requested RPS | achieved RPS | sent | ok | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                + "| self-reported p50/p99 ms | CPU-s per 1k req | peak RSS MB |\n|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult phase : phases) {
            LatencySummary latency = phase.latency();
            md.append("| ").append(phase.label())
                    .append(" | ").append(Numbers.rate(phase.requestedRate()))
                    .append(" | ").append(Numbers.rate(phase.achievedRate()))
                    .append(" | ").append(phase.sent())
                    .append(" | ").append(phase.ok())
                    .append(" | ").append(errors(phase))
                    .append(" | ").append(latency == null ? "-" : Numbers.millis(latency.p50()))
                    .append(" | ").append(latency == null ? "-" : Numbers.millis(latency.p90()))
                    .append(" | ").append(latency == null ? "-" : Numbers.millis(latency.p99()))
                    .append(" | ").append(latency == null ? "-" : Numbers.millis(latency.p999()))
                    .append(" | ").append(latency == null ? "-" : Numbers.millis(latency.max()))
                    .append(" | ").append(phase.selfReportedOverhead() == null ? "-"
                            : Numbers.millis(phase.selfReportedOverhead().p50()) + " / " + Numbers.millis(phase.selfReportedOverhead().p99()))
                    .append(" | ").append(Numbers.optional(phase.cpuSecondsPer1k(), "%.3f"))
                    .append(" | ").append(Numbers.optional(phase.peakRssMb(), "%.0f"))
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** A warning per phase during which other work kept the machine busy: its figures are not to be trusted. */
    static List<String> noise(List<PhaseResult> phases)
    {
        return phases.stream().filter(phase -> phase.machine() != null && phase.machine().otherCores() > NOISY_CORES)
                .map(phase -> String.format(Locale.ROOT, "Other work used %.2f CPU cores during %s (machine busy %.2f cores): its figures are noisy.",
                        phase.machine().otherCores(), phase.label(), phase.machine().busyCores()))
                .toList();
    }

    static String addedTable(List<Comparison> comparisons, List<PhaseResult> phases)
    {
        if (comparisons.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("Added latency (proxy minus direct), ms:\n\n| proxy | vs | what | p50 | p90 | p95 | p99 | p99.9 | max |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison comparison : comparisons) {
            md.append(addedRow(comparison.proxied(), comparison.direct(), "response", comparison.added()));
            if (comparison.addedTimeToFirstByte() != null) {
                md.append(addedRow(comparison.proxied(), comparison.direct(), "time to first token", comparison.addedTimeToFirstByte()));
            }
            if (comparison.addedChunkGap() != null) {
                md.append(addedRow(comparison.proxied(), comparison.direct(), "gap between chunks", comparison.addedChunkGap()));
            }
        }
        return md.append('\n').toString();
    }

    private static String addedRow(String proxied, String direct, String what, AddedLatency added)
    {
        return "| " + proxied + " | " + direct + " | " + what + " | " + Numbers.signedMillis(added.p50()) + " | " + Numbers.signedMillis(added.p90())
                + " | " + Numbers.signedMillis(added.p95()) + " | " + Numbers.signedMillis(added.p99()) + " | " + Numbers.signedMillis(added.p999())
                + " | " + Numbers.signedMillis(added.max()) + " |\n";
    }

    static String errors(PhaseResult phase)
    {
        long unanswered = phase.sent() - phase.completed();
        if (phase.errors().isEmpty() && unanswered == 0) {
            return "0";
        }
        String listed = phase.errors().entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        return unanswered == 0 ? listed : (listed.isEmpty() ? "" : listed + ", ") + "unanswered " + unanswered;
    }

    /** Who set a budget, and for a reference figure where it was published. */
    static String source(Budget budget)
    {
        if (budget.enforced()) {
            return "Junction budget";
        }
        return "reference: " + budget.source() + (budget.note() == null ? "" : " (" + budget.note() + ")");
    }

    static String badge(BudgetVerdict.Status status)
    {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> "**FAIL**";
            case WARN -> "worse than reference";
            case NOT_MEASURED -> "not measured";
        };
    }

    private static String cell(String text)
    {
        return text.replace("|", "\\|");
    }
}
