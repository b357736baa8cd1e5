package io.junction.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.junction.tck.kit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/junction-tck} of the unpacked distribution, run as a process the way a plugin author or an operator runs
 * it: {@code validate} on the plugins we ship, on the example third-party plugin built outside the reactor and on a
 * broken one; and a very short {@code bench} against the distribution itself, checked for its result files only (no
 * speed is asserted).
 */
class TckCommandIT
{
    private static final Duration VALIDATE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration BENCH_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> SHIPPED_PLUGINS = List.of(
            "junction-providers", "junction-routing-strategies", "junction-cache", "junction-callbacks");
    private static final String EXAMPLE_PLUGIN_CLASS = "com.example.routing.CheapestHealthyPlugin";

    @Test
    void validatesEveryShippedPluginJarAsValid()
    {
        Path work = Distribution.newWorkDirectory("tck-validate-shipped");
        Path plugins = Distribution.home().resolve("plugins");
        // one process per jar, all at once: the providers' kit spends most of its time waiting on stalled upstreams
        Map<String, TckRun> runs = new LinkedHashMap<>();
        for (String plugin : SHIPPED_PLUGINS) {
            Path jar = Distribution.single(plugins, plugin + "-*.jar");
            runs.put(plugin, TckRun.start(work, plugin, "validate", jar.toString()));
        }

        List<Executable> checks = new ArrayList<>();
        try {
            runs.forEach((plugin, run) -> {
                TckRun.Result result = run.await(VALIDATE_TIMEOUT);
                checks.add(() -> assertValid(result, plugin));
            });
        }
        finally {
            runs.values().forEach(TckRun::stopIfRunning);
        }
        assertAll(checks);
    }

    @Test
    void validatesTheExampleThirdPartyPluginBuiltWithoutMaven()
            throws IOException
    {
        Path work = Distribution.newWorkDirectory("tck-validate-example");
        Path classes = PluginJarBuilder.compile(tckFolder("examples/custom-routing-strategy/src/main/java"), List.of(Distribution.shippedSpiJar()),
                work.resolve("classes"));
        Path jar = PluginJarBuilder.plugin("prefer-cheapest-healthy", EXAMPLE_PLUGIN_CLASS).classes(classes)
                .writeTo(work.resolve("prefer-cheapest-healthy-1.0.0.jar"));

        // the command of the example's README, with the capabilities its own contract test declares
        TckRun.Result result = TckRun.start(work, "example", "validate", jar.toString(),
                "--capability", "RESPECTS_HEADROOM", "--capability", "FAIR", "--capability", "LEARNS_FROM_OUTCOMES").await(VALIDATE_TIMEOUT);

        assertValid(result, "prefer-cheapest-healthy");
        assertAll(
                () -> assertTrue(result.output().contains("routing strategy 'prefer-cheapest-healthy'"), result::describe),
                () -> assertTrue(result.output().contains("PASS     R3 "), result::describe),
                () -> assertTrue(result.output().contains("PASS     R10 "), "FAIR was claimed, so R10 ran:\n" + result.describe()),
                () -> assertTrue(result.output().contains("PASS     R11 "), "LEARNS_FROM_OUTCOMES was claimed, so R11 ran:\n" + result.describe()),
                () -> assertTrue(result.output().contains(" 0 failed"), result::describe));
    }

    @Test
    void rejectsABrokenStrategyNamingTheRuleItBreaks()
            throws IOException
    {
        Path work = Distribution.newWorkDirectory("tck-validate-broken");
        // the tck's own broken plugin: a strategy that, given three candidates or more, answers with a deployment of its own
        Path classes = PluginJarBuilder.compile(tckFolder("src/test/plugins/always-the-spare"), List.of(Distribution.shippedSpiJar()), work.resolve("classes"));
        Path jar = PluginJarBuilder.plugin("always-the-spare", "com.example.broken.StrangerPlugin").classes(classes)
                .writeTo(work.resolve("always-the-spare-1.0.0.jar"));

        TckRun.Result result = TckRun.start(work, "broken", "validate", jar.toString()).await(VALIDATE_TIMEOUT);

        assertAll(
                () -> assertEquals(1, result.exitCode(), result::describe),
                () -> assertTrue(result.output().contains("FAIL     R3    never selects a candidate outside the list"), result::describe),
                () -> assertTrue(result.output().contains("'spare'"), "the failure names the stranger it chose:\n" + result.describe()),
                () -> assertTrue(result.output().contains("INVALID:"), result::describe),
                () -> assertFalse(result.output().contains("VALID: every rule"), result::describe));
    }

    @Test
    void benchOverheadAgainstTheDistributionWritesItsResults()
            throws IOException
    {
        Path work = Distribution.newWorkDirectory("tck-bench");
        Path out = work.resolve("results");

        // a tiny run (0.5 s warm-up, 1.5 s measured, 100 RPS): the files and their shape are checked, never the figures
        TckRun.Result result = TckRun.start(work, "bench", "bench", "overhead",
                "--distribution", Distribution.home().toString(),
                "--duration-factor", "0.05",
                "--rate", "100",
                "--out", out.toString(),
                "--no-progress",
                "--no-fail-on-budget").await(BENCH_TIMEOUT);

        assertEquals(0, result.exitCode(), result::describe);
        JsonNode results = readJson(out.resolve("results.json"), result::describe);
        JsonNode scenario = results.path("scenarios").path(0);
        assertAll(
                () -> assertEquals(1, results.path("scenarios").size(), results::toPrettyString),
                () -> assertEquals(0.05, results.path("run").path("durationFactor").asDouble(), 1e-9),
                () -> assertEquals("overhead", scenario.path("name").asText()),
                () -> assertEquals("COMPLETED", scenario.path("status").asText(), scenario::toPrettyString),
                () -> assertEquals(List.of("direct@100", "gateway@100"), scenario.path("phases").valueStream().map(phase -> phase.path("label").asText()).toList()),
                () -> assertTrue(scenario.path("phases").path(1).path("ok").asLong() > 0, "the gateway answered:\n" + scenario.path("phases")),
                () -> assertEquals(0, scenario.path("metrics").path("errors").asDouble(), "no request lost:\n" + scenario.path("phases")),
                () -> assertFalse(results.path("verdicts").isEmpty(), "budgets were evaluated"));
        JsonNode added = scenario.path("comparisons").path(0).path("added");
        for (String percentile : List.of("p50", "p90", "p95", "p99", "p999", "max")) {
            assertTrue(added.path(percentile).isNumber(), "added latency at " + percentile + ": " + added);
        }
        for (String metric : List.of("added_p50_ms", "added_p99_ms", "self_reported_p99_ms")) {
            assertTrue(scenario.path("metrics").path(metric).isNumber(), metric + " in " + scenario.path("metrics"));
        }
        String markdown = Files.readString(out.resolve("results.md"));
        String html = Files.readString(out.resolve("results.html"));
        assertAll(
                () -> assertTrue(markdown.contains("## overhead"), markdown),
                () -> assertTrue(markdown.contains("gateway@100"), markdown),
                () -> assertTrue(html.contains("<html") && html.contains("overhead") && html.contains("gateway@100"), "results.html:\n" + html),
                () -> assertTrue(Files.isRegularFile(out.resolve("run/gateway-overhead.log")), "the started gateway's log is kept"));
    }

    private static void assertValid(TckRun.Result result, String pluginId)
    {
        assertAll(
                () -> assertEquals(0, result.exitCode(), result::describe),
                () -> assertTrue(result.output().contains("Loaded by the kernel's plugin host: " + pluginId + "@"), result::describe),
                () -> assertTrue(result.output().contains("VALID: every rule that applies passed"), result::describe),
                () -> assertFalse(result.output().contains("FAIL "), result::describe));
    }

    /** A folder of the tck module in this repository, such as the example project's sources. */
    private static Path tckFolder(String relative)
    {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path folder = module.resolveSibling("tck").resolve(relative).normalize();
        assertTrue(Files.isDirectory(folder), "no folder " + folder);
        return folder;
    }

    private static JsonNode readJson(Path file, Supplier<String> context)
    {
        assertTrue(Files.isRegularFile(file), () -> "no " + file + "\n" + context.get());
        try {
            return new ObjectMapper().readTree(file.toFile());
        }
        catch (IOException e) {
            throw new AssertionError(file + " is not JSON", e);
        }
    }

    /** One {@code bin/junction-tck} process, its output (stdout and stderr) in a file of the test's work directory. */
    private record TckRun(Process process, Path outputFile, List<String> command)
    {
        static TckRun start(Path work, String name, String... arguments)
        {
            List<String> command = new ArrayList<>();
            command.add(Distribution.home().resolve("bin/junction-tck").toString());
            command.addAll(List.of(arguments));
            Path outputFile = work.resolve(name + ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(work.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(outputFile.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .start();
                return new TckRun(process, outputFile, List.copyOf(command));
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not run " + command.getFirst(), e);
            }
        }

        Result await(Duration timeout)
        {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; its output:\n" + output());
                }
                return new Result(String.join(" ", command), process.exitValue(), output());
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + command.getFirst(), e);
            }
        }

        void stopIfRunning()
        {
            process.destroyForcibly();
        }

        private String output()
        {
            try {
                return Files.readString(outputFile);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        record Result(String command, int exitCode, String output)
        {
            String describe()
            {
                return command + " exited with " + exitCode + "; its output:\n" + output;
            }
        }
    }
}
