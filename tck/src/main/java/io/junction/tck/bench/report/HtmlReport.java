package io.junction.tck.bench.report;

import io.junction.tck.bench.budget.BudgetVerdict;
import io.junction.tck.bench.scenario.Comparison;
import io.junction.tck.bench.scenario.PhaseResult;
import io.junction.tck.bench.scenario.ScenarioResult;
import io.junction.tck.bench.stats.AddedLatency;
import io.junction.tck.bench.stats.LatencySummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code results.html}: one self-contained page (inline CSS and SVG, nothing fetched) with the tables of the Markdown
 * report and, per comparison, the latency percentile curves of the proxy and of the direct calibration side by side.
 */
public final class HtmlReport
{
    private static final String TEMPLATE = "/io/junction/tck/bench/report-template.html";

    private HtmlReport() {}

    public static void write(BenchReport report, Path file)
            throws IOException
    {
        Files.writeString(file, render(report));
    }

    public static String render(BenchReport report)
    {
        RunInfo run = report.run();
        StringBuilder body = new StringBuilder();
        body.append("<ul class=\"run\">")
                .append(item("Machine", run.host() + ", " + run.cpus() + " CPUs, " + run.os() + ", Java " + run.java()))
                .append(item("Gateway", run.gateway()))
                .append(item("Fake upstream", run.upstream() + "; payload " + run.payloadBytes() + " bytes (LiteLLM's locust body)"))
                .append(item("Duration factor", Numbers.metric(run.durationFactor())))
                .append(item("Method", "open loop at fixed rates; latency from each request's intended send time (coordinated omission corrected); "
                        + "added latency = proxy minus direct at the same percentile and load"))
                .append("</ul>\n");
        body.append(verdicts(report.verdicts()));
        for (ScenarioResult scenario : report.scenarios()) {
            body.append(scenario(scenario, report.verdicts()));
        }
        return template()
                .replace("{{title}}", escape("Junction benchmark, " + run.startedAt()))
                .replace("{{body}}", body.toString());
    }

    private static String verdicts(List<BudgetVerdict> verdicts)
    {
        if (verdicts.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Budgets</h2>\n<table><tr><th>verdict</th><th>budget</th><th>source</th></tr>\n");
        for (BudgetVerdict verdict : verdicts) {
            html.append("<tr class=\"").append(verdict.status().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                    .append(escape(MarkdownReport.badge(verdict.status()).replace("*", ""))).append("</td><td>").append(escape(verdict.message()))
                    .append("</td><td>").append(escape(MarkdownReport.source(verdict.budget())))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String scenario(ScenarioResult scenario, List<BudgetVerdict> verdicts)
    {
        StringBuilder html = new StringBuilder("<section>\n<h2 id=\"").append(escape(scenario.name())).append("\">").append(escape(scenario.name())).append("</h2>\n");
        if (scenario.description() != null) {
            html.append("<p>").append(escape(scenario.description())).append("</p>\n");
        }
        if (scenario.status() != ScenarioResult.Status.COMPLETED) {
            return html.append("<p class=\"fail\"><b>").append(scenario.status().name().toLowerCase(Locale.ROOT)).append("</b>: ")
                    .append(escape(String.valueOf(scenario.reason()))).append("</p>\n</section>\n").toString();
        }
        html.append(phases(scenario.phases()));
        MarkdownReport.noise(scenario.phases()).forEach(warning -> html.append("<p class=\"warn\">").append(escape(warning)).append("</p>\n"));
        html.append(added(scenario.comparisons()));
        if (!scenario.metrics().isEmpty()) {
            html.append("<p class=\"metrics\">").append(scenario.metrics().entrySet().stream()
                    .map(entry -> "<code>" + escape(entry.getKey()) + "</code> " + Numbers.metric(entry.getValue())).collect(Collectors.joining(", "))).append("</p>\n");
        }
        List<BudgetVerdict> own = verdicts.stream().filter(verdict -> verdict.budget().scenario().equals(scenario.name())).toList();
        if (!own.isEmpty()) {
            html.append("<ul>");
            own.forEach(verdict -> html.append("<li class=\"").append(verdict.status().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(escape(MarkdownReport.badge(verdict.status()).replace("*", ""))).append(": ").append(escape(verdict.message())).append("</li>"));
            html.append("</ul>\n");
        }
        for (String note : scenario.notes()) {
            html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        html.append("<div class=\"charts\">\n");
        for (Comparison comparison : scenario.comparisons()) {
            Optional<PhaseResult> proxied = phase(scenario, comparison.proxied());
            Optional<PhaseResult> direct = phase(scenario, comparison.direct());
            if (proxied.isPresent() && direct.isPresent()) {
                html.append(SvgPercentileChart.render(scenario.name() + ": " + comparison.proxied() + " vs " + comparison.direct(), List.of(
                        new SvgPercentileChart.Series(comparison.proxied(), proxied.get().latencyCurve()),
                        new SvgPercentileChart.Series(comparison.direct(), direct.get().latencyCurve()))));
            }
        }
        return html.append("</div>\n</section>\n").toString();
    }

    private static Optional<PhaseResult> phase(ScenarioResult scenario, String label)
    {
        return scenario.phases().stream().filter(phase -> phase.label().equals(label) && phase.latencyCurve() != null).findFirst();
    }

    private static String phases(List<PhaseResult> phases)
    {
        StringBuilder html = new StringBuilder("<table><tr><th>phase</th><th>requested RPS</th><th>achieved RPS</th><th>sent</th><th>ok</th><th>errors</th>"
                + "<th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th><th>self-reported p50/p99 ms</th>"
                + "<th>CPU-s per 1k req</th><th>peak RSS MB</th></tr>\n");
        for (PhaseResult phase : phases) {
            LatencySummary latency = phase.latency();
            html.append("<tr><td>").append(escape(phase.label())).append("</td>")
                    .append(number(Numbers.rate(phase.requestedRate()))).append(number(Numbers.rate(phase.achievedRate())))
                    .append(number(Long.toString(phase.sent()))).append(number(Long.toString(phase.ok())))
                    .append("<td>").append(escape(MarkdownReport.errors(phase))).append("</td>")
                    .append(number(latency == null ? "-" : Numbers.millis(latency.p50())))
                    .append(number(latency == null ? "-" : Numbers.millis(latency.p90())))
                    .append(number(latency == null ? "-" : Numbers.millis(latency.p99())))
                    .append(number(latency == null ? "-" : Numbers.millis(latency.p999())))
                    .append(number(latency == null ? "-" : Numbers.millis(latency.max())))
                    .append(number(phase.selfReportedOverhead() == null ? "-"
                            : Numbers.millis(phase.selfReportedOverhead().p50()) + " / " + Numbers.millis(phase.selfReportedOverhead().p99())))
                    .append(number(Numbers.optional(phase.cpuSecondsPer1k(), "%.3f")))
                    .append(number(Numbers.optional(phase.peakRssMb(), "%.0f")))
                    .append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String added(List<Comparison> comparisons)
    {
        if (comparisons.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Added latency (proxy minus direct), ms</h3>\n<table><tr><th>proxy</th><th>vs</th><th>what</th>"
                + "<th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th></tr>\n");
        for (Comparison comparison : comparisons) {
            html.append(addedRow(comparison, "response", comparison.added()));
            if (comparison.addedTimeToFirstByte() != null) {
                html.append(addedRow(comparison, "time to first token", comparison.addedTimeToFirstByte()));
            }
            if (comparison.addedChunkGap() != null) {
                html.append(addedRow(comparison, "gap between chunks", comparison.addedChunkGap()));
            }
        }
        return html.append("</table>\n").toString();
    }

    private static String addedRow(Comparison comparison, String what, AddedLatency added)
    {
        return "<tr><td>" + escape(comparison.proxied()) + "</td><td>" + escape(comparison.direct()) + "</td><td>" + what + "</td>"
                + number(Numbers.signedMillis(added.p50())) + number(Numbers.signedMillis(added.p90())) + number(Numbers.signedMillis(added.p95()))
                + number(Numbers.signedMillis(added.p99())) + number(Numbers.signedMillis(added.p999())) + number(Numbers.signedMillis(added.max())) + "</tr>\n";
    }

    private static String number(String text)
    {
        return "<td class=\"n\">" + escape(text) + "</td>";
    }

    private static String item(String name, String value)
    {
        return "<li><b>" + escape(name) + ":</b> " + escape(value) + "</li>";
    }

    static String escape(String text)
    {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String template()
    {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the tck jar lacks " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
