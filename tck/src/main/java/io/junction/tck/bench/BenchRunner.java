package io.junction.tck.bench;

import io.junction.tck.bench.budget.BudgetEvaluator;
import io.junction.tck.bench.budget.BudgetVerdict;
import io.junction.tck.bench.budget.Budgets;
import io.junction.tck.bench.gateway.GatewayLauncher;
import io.junction.tck.bench.gateway.ProcFs;
import io.junction.tck.bench.load.PhaseListener;
import io.junction.tck.bench.load.RequestBodies;
import io.junction.tck.bench.load.Ticker;
import io.junction.tck.bench.report.BenchReport;
import io.junction.tck.bench.report.HtmlReport;
import io.junction.tck.bench.report.JsonReport;
import io.junction.tck.bench.report.MarkdownReport;
import io.junction.tck.bench.report.RunInfo;
import io.junction.tck.bench.scenario.BenchEnvironment;
import io.junction.tck.bench.scenario.Scenario;
import io.junction.tck.bench.scenario.ScenarioCatalog;
import io.junction.tck.bench.scenario.ScenarioContext;
import io.junction.tck.bench.scenario.ScenarioParameters;
import io.junction.tck.bench.scenario.ScenarioResult;
import io.junction.tck.bench.upstream.FakeUpstream;
import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * Runs the chosen scenarios against the gateways a {@link GatewayLauncher} provides, with one fake upstream for the
 * whole run, then holds the results against the budgets and writes {@code results.json}, {@code results.md} and
 * {@code results.html}.
 */
public final class BenchRunner
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_BUDGET_BROKEN = 1;
    public static final int EXIT_SCENARIO_FAILED = 3;

    private final Settings settings;
    private final InstantSource clock;
    private final RandomGenerator random;

    public BenchRunner(Settings settings, InstantSource clock, RandomGenerator random)
    {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.random = Objects.requireNonNull(random, "random is null");
    }

    /**
     * @param configOverride a gateway config used instead of each scenario's template ({@code {{upstream}}} and the
     *        other placeholders are still filled in), or null
     * @param nginx the nginx binary for the max-throughput baseline, if any
     * @param progressStream where progress bars go, or null for none
     */
    public record Settings(
            List<String> scenarios,
            GatewayLauncher launcher,
            String configOverride,
            String masterKey,
            double durationFactor,
            OptionalDouble rate,
            Optional<Path> budgetsFile,
            Optional<Path> scenariosFile,
            Path outDirectory,
            int maxConnections,
            Duration requestTimeout,
            Duration quietWait,
            int upstreamPort,
            Optional<Path> nginx,
            String redisHost,
            int redisPort,
            PrintStream progressStream,
            String commandLine)
    {
        public Settings
        {
            scenarios = List.copyOf(scenarios);
            if (scenarios.isEmpty()) {
                throw new IllegalArgumentException("name at least one scenario");
            }
            Objects.requireNonNull(launcher, "launcher is null");
            Objects.requireNonNull(masterKey, "masterKey is null");
            Objects.requireNonNull(rate, "rate is null");
            Objects.requireNonNull(budgetsFile, "budgetsFile is null");
            Objects.requireNonNull(scenariosFile, "scenariosFile is null");
            Objects.requireNonNull(outDirectory, "outDirectory is null");
            Objects.requireNonNull(requestTimeout, "requestTimeout is null");
            Objects.requireNonNull(quietWait, "quietWait is null");
            Objects.requireNonNull(nginx, "nginx is null");
            Objects.requireNonNull(redisHost, "redisHost is null");
        }

        @Override
        public String toString()
        {
            return "Settings[scenarios=" + scenarios + ", launcher=" + launcher.describe() + ", out=" + outDirectory + "]";
        }
    }

    /** What a run produced. */
    public record Result(BenchReport report, Path json, Path markdown, Path html, int exitCode) {}

    public Result run(PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException
    {
        ScenarioCatalog catalog = ScenarioCatalog.load(settings.scenariosFile());
        List<Scenario> scenarios = resolve(catalog, settings.scenarios());
        Budgets budgets = Budgets.load(settings.budgetsFile());
        Files.createDirectories(settings.outDirectory());
        String startedAt = timestamp();
        List<ScenarioResult> results = new ArrayList<>();
        try (FakeUpstream upstream = FakeUpstream.start("127.0.0.1", settings.upstreamPort(), FakeUpstreamSettings.DEFAULT, clock, random)) {
            BenchEnvironment environment = environment(upstream);
            err.println("Fake upstream on " + upstream.baseUri() + "; gateway: " + settings.launcher().describe());
            err.flush();
            for (Scenario scenario : scenarios) {
                ScenarioParameters parameters = new ScenarioParameters(scenario.name(), catalog.parameters(scenario.name()), settings.durationFactor(),
                        settings.rate());
                upstream.configure(FakeUpstreamSettings.DEFAULT);
                results.add(runOne(scenario, new ScenarioContext(environment, parameters, scenario.name()), err));
            }
        }
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(budgets.budgets(), results);
        RunInfo info = new RunInfo(startedAt, timestamp(), hostName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.version().toString(), settings.durationFactor(), settings.launcher().describe(), "Jetty fake OpenAI upstream on 127.0.0.1",
                scenarios.stream().map(Scenario::name).toList(), RequestBodies.litellmLocust(1, false, random).bytesPerBody(), settings.commandLine());
        BenchReport report = new BenchReport(info, results, verdicts);
        Path json = settings.outDirectory().resolve("results.json");
        Path markdown = settings.outDirectory().resolve("results.md");
        Path html = settings.outDirectory().resolve("results.html");
        JsonReport.write(report, json);
        MarkdownReport.write(report, markdown);
        HtmlReport.write(report, html);
        int exitCode = exitCode(results, verdicts);
        summarize(out, results, verdicts, json, markdown, html);
        return new Result(report, json, markdown, html, exitCode);
    }

    private ScenarioResult runOne(Scenario scenario, ScenarioContext context, PrintWriter err)
            throws InterruptedException
    {
        err.println("== " + scenario.name());
        err.flush();
        try {
            return scenario.run(context);
        }
        catch (GatewayLauncher.ScenarioNotRunnable e) {
            err.println("   skipped: " + e.getMessage());
            return ScenarioResult.notRun(scenario.name(), scenario.description(), ScenarioResult.Status.SKIPPED, e.getMessage());
        }
        catch (InterruptedException e) {
            throw e;
        }
        catch (Exception e) {
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            err.println("   failed: " + reason);
            return ScenarioResult.notRun(scenario.name(), scenario.description(), ScenarioResult.Status.FAILED, reason);
        }
        finally {
            err.flush();
        }
    }

    private BenchEnvironment environment(FakeUpstream upstream)
    {
        Map<String, String> placeholders = Map.of(
                "upstream", upstream.baseUri().toString(),
                "master_key", settings.masterKey(),
                "redis_host", settings.redisHost(),
                "redis_port", Integer.toString(settings.redisPort()));
        PrintStream progress = settings.progressStream();
        BiFunction<String, Long, PhaseListener> listeners = progress == null
                ? (label, total) -> PhaseListener.NONE
                : (label, total) -> ProgressBars.bar(label, total, progress);
        ProcFs proc = ProcFs.system();
        return new BenchEnvironment(upstream, settings.launcher(), settings.configOverride(), placeholders, settings.masterKey(),
                settings.maxConnections(), settings.requestTimeout(), settings.quietWait(), settings.nginx(), settings.outDirectory().resolve("run"), proc,
                proc.available() ? ProcFs.clockTicksPerSecond() : 100, Ticker.system(), clock, random, listeners);
    }

    static List<Scenario> resolve(ScenarioCatalog catalog, List<String> names)
    {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : names) {
            if (name.equals("all")) {
                catalog.names().forEach(each -> scenarios.add(catalog.scenario(each).orElseThrow()));
                continue;
            }
            scenarios.add(catalog.scenario(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown scenario '" + name + "'; known: " + String.join(", ", catalog.names()) + ", or all")));
        }
        return scenarios;
    }

    static int exitCode(List<ScenarioResult> results, List<BudgetVerdict> verdicts)
    {
        if (BudgetEvaluator.anyFailed(verdicts)) {
            return EXIT_BUDGET_BROKEN;
        }
        boolean failed = results.stream().anyMatch(result -> result.status() == ScenarioResult.Status.FAILED);
        return failed ? EXIT_SCENARIO_FAILED : EXIT_OK;
    }

    private static void summarize(PrintWriter out, List<ScenarioResult> results, List<BudgetVerdict> verdicts, Path json, Path markdown, Path html)
    {
        for (ScenarioResult result : results) {
            if (result.status() != ScenarioResult.Status.COMPLETED) {
                out.println(result.name() + ": " + result.status().name().toLowerCase(Locale.ROOT) + " (" + result.reason() + ")");
            }
        }
        for (BudgetVerdict verdict : verdicts) {
            out.println(verdict.status() + " " + verdict.message());
        }
        out.println("Results: " + json + ", " + markdown + ", " + html);
        out.flush();
    }

    private String timestamp()
    {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static String hostName()
    {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
