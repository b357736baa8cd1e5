package io.junction.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.tck.bench.report.JsonReport;
import io.junction.tck.bench.testplugin.ForwardingPlugin;
import io.junction.tck.kit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code overhead} scenario end to end for about four seconds at a low rate, against the kernel's Gateway started in
 * this JVM with a small forwarding {@code openai/} provider plugin. Asserts the result files exist and hold what a run
 * measures, never how fast anything was.
 */
class BenchSmokeTest
{
    @TempDir
    Path plugins;

    @TempDir
    Path out;

    @Test
    void theOverheadScenarioRunsAndWritesWellFormedResults()
            throws Exception
    {
        // the forwarding plugin's classes (ForwardingPlugin and its nested classes) from this module's test classes
        String classPrefix = ForwardingPlugin.class.getName().replace('.', '/');
        PluginJarBuilder.plugin("bench-forwarding", ForwardingPlugin.class.getName())
                .classes(PluginJarBuilder.locationOf(ForwardingPlugin.class), entry -> entry.startsWith(classPrefix))
                .writeTo(plugins.resolve("bench-forwarding.jar"));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr)).execute(
                "overhead", "--in-process", "--plugins", plugins.toString(), "--duration-factor", "0.05", "--rate", "50",
                "--out", out.toString(), "--no-progress", "--no-fail-on-budget", "--nginx", "none");

        assertEquals(0, exit, stdout + "\n" + stderr);
        JsonNode results = JsonReport.read(out.resolve("results.json"));
        JsonNode scenario = results.path("scenarios").get(0);
        assertEquals("overhead", scenario.path("name").asText());
        assertEquals("COMPLETED", scenario.path("status").asText(), scenario.path("reason").asText());
        JsonNode direct = scenario.path("phases").get(0);
        JsonNode gateway = scenario.path("phases").get(1);
        assertEquals("direct@50", direct.path("label").asText());
        assertEquals("gateway@50", gateway.path("label").asText());
        for (JsonNode phase : new JsonNode[] {direct, gateway}) {
            // 1.5 s measured at 50 RPS
            assertEquals(75, phase.path("sent").asInt(), phase.toString());
            assertEquals(75, phase.path("ok").asInt(), phase.path("errors").toString());
            assertTrue(phase.path("latency").path("p99").asDouble() > 0);
        }
        // the gateway really proxied to the fake upstream, and said what its own overhead was
        assertTrue(gateway.path("upstream").path("requests").asInt() >= 75, gateway.path("upstream").toString());
        assertEquals(75, gateway.path("selfReportedOverhead").path("count").asInt());
        assertFalse(direct.has("selfReportedOverhead") && !direct.path("selfReportedOverhead").isNull());
        assertTrue(scenario.path("comparisons").get(0).path("added").has("p99"));
        assertTrue(scenario.path("metrics").has("added_p50_ms"));
        assertTrue(results.path("verdicts").size() > 0);

        String markdown = Files.readString(out.resolve("results.md"));
        assertTrue(markdown.contains("## overhead"));
        assertTrue(markdown.contains("| gateway@50 | 50.0 | "), markdown);
        String html = Files.readString(out.resolve("results.html"));
        assertTrue(html.contains("<svg") && html.contains("<path d=\"M"), "percentile curves");
        assertTrue(stdout.toString().contains("results.json"), stdout.toString());
    }
}
