package io.junction.tck.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.tck.bench.budget.Budget;
import io.junction.tck.bench.budget.BudgetEvaluator;
import io.junction.tck.bench.budget.BudgetVerdict;
import io.junction.tck.bench.gateway.MachineLoad;
import io.junction.tck.bench.gateway.ProcessMetrics;
import io.junction.tck.bench.load.PhaseMeasurement;
import io.junction.tck.bench.scenario.Comparison;
import io.junction.tck.bench.scenario.PhaseResult;
import io.junction.tck.bench.scenario.ScenarioContext;
import io.junction.tck.bench.scenario.ScenarioResult;
import io.junction.tck.bench.stats.Histograms;
import io.junction.tck.bench.upstream.UpstreamStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest
{
    @TempDir
    Path directory;

    @Test
    void theJsonReportParsesBackWithEverything()
            throws Exception
    {
        BenchReport report = report();
        Path file = directory.resolve("results.json");
        JsonReport.write(report, file);
        JsonNode json = JsonReport.read(file);

        assertEquals(1.0, json.path("run").path("durationFactor").asDouble());
        JsonNode scenario = json.path("scenarios").get(0);
        assertEquals("overhead", scenario.path("name").asText());
        assertEquals("COMPLETED", scenario.path("status").asText());
        JsonNode gateway = scenario.path("phases").get(1);
        assertEquals("gateway@1000", gateway.path("label").asText());
        assertEquals(1000, gateway.path("sent").asInt());
        assertEquals(2, gateway.path("errors").path("http_502").asInt());
        assertEquals(0.349, gateway.path("latency").path("p50").asDouble(), 0.001);
        assertEquals(0.05, gateway.path("cpuSecondsPer1k").asDouble(), 1e-9);
        // the whole histogram travels with the report
        Histogram decoded = Histograms.decode(gateway.path("latencyHistogram").asText());
        assertEquals(998, decoded.getTotalCount());
        assertTrue(gateway.path("latencyCurve").path("points").size() > 10);
        assertEquals(0.2, scenario.path("comparisons").get(0).path("added").path("p50").asDouble(), 0.001);
        assertEquals(0.2, scenario.path("metrics").path("added_p50_ms").asDouble(), 0.001);
        assertEquals("FAIL", json.path("verdicts").get(0).path("status").asText());
    }

    @Test
    void theMarkdownHasATablePerScenarioAndTheVerdicts()
    {
        String markdown = MarkdownReport.render(report());

        assertTrue(markdown.contains("## overhead"), markdown);
        assertTrue(markdown.contains("| phase | requested RPS | achieved RPS | sent | ok | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms"), markdown);
        assertTrue(markdown.contains("| gateway@1000 | 1000 | "), markdown);
        assertTrue(markdown.contains("| http_502 2 |"), markdown);
        assertTrue(markdown.contains("| gateway@1000 | direct@1000 | response | +0.200 | "), markdown);
        assertTrue(markdown.contains("**FAIL** | overhead.added_p50_ms = 0.200 > max 0.100"), markdown);
        assertTrue(markdown.contains("| 0.050 | 123 |"), "CPU-s per 1k and peak RSS: " + markdown);
        assertTrue(markdown.contains("## streaming\n\nstreams\n\n**skipped**: needs nginx"), markdown);
        assertTrue(markdown.contains("Other work used 0.80 CPU cores during gateway@1000"), markdown);
    }

    @Test
    void theHtmlPageIsSelfContainedWithPercentileCurves()
    {
        String html = HtmlReport.render(report());

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"), html);
        // one path per curve: gateway and direct side by side
        assertEquals(2, html.split("<path d=\"M", -1).length - 1);
        assertTrue(html.contains("<title>gateway@1000</title>") && html.contains("<title>direct@1000</title>"));
        assertTrue(html.contains(">99.9%<"), "log-scale percentile ticks");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("href="));
        assertTrue(html.contains("&lt;b&gt;"), "descriptions are escaped");
    }

    @Test
    void filesAreWritten()
            throws Exception
    {
        BenchReport report = report();
        MarkdownReport.write(report, directory.resolve("results.md"));
        HtmlReport.write(report, directory.resolve("results.html"));
        assertTrue(Files.size(directory.resolve("results.md")) > 0);
        assertTrue(Files.readString(directory.resolve("results.html")).contains("</html>"));
    }

    private static BenchReport report()
    {
        PhaseResult direct = PhaseResult.of("direct@1000", PhaseResult.DIRECT, measurement(100, 0), null, new MachineLoad(0.5, 0.5, 0, 0), stats());
        PhaseResult gateway = PhaseResult.of("gateway@1000", PhaseResult.GATEWAY, measurement(300, 2), new ProcessMetrics(0.05, 0.06, 123.4, 150),
                new MachineLoad(1.9, 0.5, 0.6, 0.8), stats());
        Comparison comparison = ScenarioContext.compare(gateway, direct);
        assertNotNull(comparison);
        ScenarioResult.Builder builder = new ScenarioResult.Builder("overhead", "the <b>overhead</b> scenario").phase(direct).phase(gateway).comparison(comparison);
        ScenarioContext.standardMetrics(builder, gateway, comparison);
        ScenarioResult overhead = builder.note("a note").completed();
        ScenarioResult streaming = ScenarioResult.notRun("streaming", "streams", ScenarioResult.Status.SKIPPED, "needs nginx");
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(List.of(new Budget("overhead", "added_p50_ms", 0.1, null, true, "junction", null)),
                List.of(overhead, streaming));
        RunInfo run = new RunInfo("2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "host", 2, "Linux", "21", 1, "test gateway", "fake", List.of("overhead", "streaming"),
                16_000, "bench overhead");
        return new BenchReport(run, List.of(overhead, streaming), verdicts);
    }

    /** 1000 requests, {@code errors} of them 502s; the others take {@code baseMicros} and up (+0..99 us). */
    private static PhaseMeasurement measurement(long baseMicros, int errors)
    {
        Histogram latency = Histograms.single();
        Histogram overhead = Histograms.single();
        for (int i = 0; i < 1000 - errors; i++) {
            latency.recordValue(baseMicros + (i % 100));
            overhead.recordValue(50);
        }
        Map<String, Long> errorCounts = errors == 0 ? Map.of() : Map.of("http_502", (long) errors);
        return new PhaseMeasurement(1000, 1000, 1000, 1000 - errors, errorCounts, 998, 0, 12, latency, overhead, Histograms.single(), Histograms.single(),
                Histograms.single());
    }

    private static UpstreamStats stats()
    {
        return new UpstreamStats(1000, 0, 10, Map.of("default", new UpstreamStats.DeploymentStats(1000, 1000, 0, 0, 0, 0)));
    }
}
