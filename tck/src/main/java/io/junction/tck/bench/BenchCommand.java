package io.junction.tck.bench;

import io.junction.tck.bench.gateway.DistributionLauncher;
import io.junction.tck.bench.gateway.GatewayConfigs;
import io.junction.tck.bench.gateway.GatewayLauncher;
import io.junction.tck.bench.gateway.InProcessLauncher;
import io.junction.tck.bench.gateway.NginxBaseline;
import io.junction.tck.bench.gateway.TargetLauncher;
import io.junction.tck.bench.scenario.Scenario;
import io.junction.tck.bench.scenario.ScenarioCatalog;
import io.junction.tck.bench.scenario.ScenarioParameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * {@code bench}: runs benchmark scenarios against Junction (started from an installation, already running, or in this
 * JVM) with the benchmark's own fake upstream, and writes JSON, Markdown and HTML results. Exits 1 when an enforced
 * budget is broken, 3 when a scenario could not run to its end, 2 on a usage error.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, version = "Junction benchmark runner",
        description = "Benchmarks Junction against a fake OpenAI upstream: open-loop load at fixed rates, latency measured from each request's "
                + "intended send time, added latency = gateway minus a direct calibration run. Scenarios: overhead, max-throughput, "
                + "rate-limited-deployments, multi-instance-rpm, concurrency-1500, callbacks-no-impact, streaming, cache-hit (or all). "
                + "See docs/benchmarks.md.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every budget held", "1:an enforced budget was broken", "2:usage error", "3:a scenario failed to run"})
public final class BenchCommand
        implements Callable<Integer>
{
    static final int EXIT_USAGE = 2;
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int PRINT_CONFIG_PORT = 19400;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenarios to run, in order, or all (default: overhead).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--distribution", paramLabel = "DIR",
            description = "A Junction installation to start (bin/junction) as a separate process. Default: $JUNCTION_HOME.")
    Path distribution;

    @Option(names = "--target", paramLabel = "URL",
            description = "A running gateway (http://host:port) instead of starting one; repeat for multi-instance-rpm. Its config must route to the fake upstream (--print-config, --upstream-port).")
    List<URI> targets = new ArrayList<>();

    @Option(names = "--target-pid", paramLabel = "PID", description = "The first target's process id, for CPU and memory figures.")
    Long targetPid;

    @Option(names = "--in-process", description = "Start the kernel's Gateway inside this JVM (development; no CPU or memory figures). Needs --plugins.")
    boolean inProcess;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder for started gateways. Default: the installation's plugins/.")
    Path plugins;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Gateway config to use instead of each scenario's own; {{upstream}} (the fake's http://127.0.0.1:PORT) and {{master_key}} are filled in.")
    Path config;

    @Option(names = "--master-key", defaultValue = "sk-1234", paramLabel = "KEY", description = "Key the load presents and generated configs require (default: ${DEFAULT-VALUE}).")
    String masterKey;

    @Option(names = "--duration-factor", defaultValue = "1", paramLabel = "F",
            description = "Multiplies every scenario's warm-up and measured durations (and rpm quotas, when below 1); e.g. 0.1 for CI (default: ${DEFAULT-VALUE}).")
    double durationFactor;

    @Option(names = "--rate", paramLabel = "RPS", description = "Overrides the rate of single-rate scenarios.")
    Double rate;

    @Option(names = "--budgets", paramLabel = "FILE", description = "Budgets file (JSON or YAML) instead of the built-in one.")
    Path budgets;

    @Option(names = "--scenarios-file", paramLabel = "FILE", description = "Scenario parameters (JSON) instead of the built-in ones.")
    Path scenariosFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder. Default: bench-results/<date-time>.")
    Path out;

    @Option(names = "--max-connections", defaultValue = "256", paramLabel = "N",
            description = "Connections per target the load generator may open (default: ${DEFAULT-VALUE}; concurrency-1500 raises it).")
    int maxConnections;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--quiet-wait", defaultValue = "0", paramLabel = "SECONDS",
            description = "Before each phase, wait up to this long for other processes to use at most a quarter of a core (default: ${DEFAULT-VALUE}, no wait).")
    long quietWaitSeconds;

    @Option(names = "--upstream-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the fake upstream (default: any free port).")
    int upstreamPort;

    @Option(names = "--java-opts", paramLabel = "OPTS", description = "JAVA_OPTS for gateways started from --distribution.")
    String javaOpts;

    @Option(names = "--nginx", paramLabel = "PATH", description = "nginx binary for the max-throughput baseline, or none. Default: nginx on the PATH or /usr/sbin/nginx.")
    String nginx;

    @Option(names = "--redis", defaultValue = "127.0.0.1:6379", paramLabel = "HOST:PORT", description = "Redis for multi-instance-rpm (default: ${DEFAULT-VALUE}).")
    String redis;

    @Option(names = "--fail-on-budget", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Exit 1 when an enforced budget is broken (default: ${DEFAULT-VALUE}).")
    boolean failOnBudget;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Show progress bars on stderr (default: ${DEFAULT-VALUE}).")
    boolean progress;

    @Option(names = "--print-config", description = "Print the gateway config(s) of the scenarios (with --upstream-port, default " + PRINT_CONFIG_PORT + ") and exit.")
    boolean printConfig;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    @Spec
    CommandSpec spec;

    public static void main(String[] args)
    {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call()
            throws IOException, InterruptedException
    {
        quietLibraries();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ScenarioCatalog catalog = ScenarioCatalog.load(Optional.ofNullable(scenariosFile));
        List<String> names = scenarios.isEmpty() ? List.of("overhead") : List.copyOf(scenarios);
        List<Scenario> chosen;
        try {
            chosen = BenchRunner.resolve(catalog, names);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (list) {
            for (String name : catalog.names()) {
                stdout.println(name + ": " + catalog.scenario(name).orElseThrow().description());
            }
            stdout.flush();
            return BenchRunner.EXIT_OK;
        }
        validate();
        String[] redisParts = redis.split(":", 2);
        if (printConfig) {
            printConfigs(stdout, catalog, chosen, redisParts);
            return BenchRunner.EXIT_OK;
        }
        Path outDirectory = out != null ? out : Path.of("bench-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        BenchRunner.Settings settings = new BenchRunner.Settings(names, launcher(outDirectory.resolve("run")),
                config == null ? null : Files.readString(config), masterKey, durationFactor,
                rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate), Optional.ofNullable(budgets), Optional.ofNullable(scenariosFile),
                outDirectory, maxConnections, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(quietWaitSeconds), upstreamPort, nginxBinary(), redisParts[0], Integer.parseInt(redisParts[1]),
                progress ? System.err : null, String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        BenchRunner.Result result = new BenchRunner(settings, InstantSource.system(), random).run(stdout, stderr);
        if (result.exitCode() == BenchRunner.EXIT_BUDGET_BROKEN && !failOnBudget) {
            return BenchRunner.EXIT_OK;
        }
        return result.exitCode();
    }

    /** Jetty and PF4J log every start and stop at INFO; the benchmark's own output is what matters here. */
    private static void quietLibraries()
    {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.pf4j", "warn");
    }

    private void validate()
    {
        CommandLine commandLine = spec.commandLine();
        int modes = (distribution != null ? 1 : 0) + (targets.isEmpty() ? 0 : 1) + (inProcess ? 1 : 0);
        if (modes > 1) {
            throw new CommandLine.ParameterException(commandLine, "use only one of --distribution, --target and --in-process");
        }
        if (modes == 0 && System.getenv("JUNCTION_HOME") == null && !printConfig) {
            throw new CommandLine.ParameterException(commandLine,
                    "say which gateway to measure: --distribution DIR (or $JUNCTION_HOME), --target URL, or --in-process --plugins DIR");
        }
        if (inProcess && plugins == null) {
            throw new CommandLine.ParameterException(commandLine, "--in-process needs --plugins DIR (a folder holding the provider plugin jar)");
        }
        if (!(durationFactor > 0)) {
            throw new CommandLine.ParameterException(commandLine, "--duration-factor must be positive but was " + durationFactor);
        }
        if (rate != null && !(rate > 0)) {
            throw new CommandLine.ParameterException(commandLine, "--rate must be positive but was " + rate);
        }
        if (maxConnections < 1) {
            throw new CommandLine.ParameterException(commandLine, "--max-connections must be at least 1 but was " + maxConnections);
        }
        if (quietWaitSeconds < 0) {
            throw new CommandLine.ParameterException(commandLine, "--quiet-wait must not be negative but was " + quietWaitSeconds);
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(commandLine, "--timeout must be at least 1 second but was " + timeoutSeconds);
        }
        if (!SAFE_KEY.matcher(masterKey).matches()) {
            throw new CommandLine.ParameterException(commandLine, "--master-key may hold letters, digits, '.', '_' and '-' only (it is written into YAML configs)");
        }
        if (!redis.matches("[^:]+:\\d{1,5}")) {
            throw new CommandLine.ParameterException(commandLine, "--redis must be HOST:PORT but was '" + redis + "'");
        }
        if (config != null && !Files.isReadable(config)) {
            throw new CommandLine.ParameterException(commandLine, "--config " + config + " is not a readable file");
        }
    }

    private GatewayLauncher launcher(Path runDirectory)
    {
        if (!targets.isEmpty()) {
            return new TargetLauncher(targets, targetPid == null ? OptionalLong.empty() : OptionalLong.of(targetPid));
        }
        if (inProcess) {
            return new InProcessLauncher(plugins);
        }
        Path home = distribution != null ? distribution : Path.of(System.getenv("JUNCTION_HOME"));
        try {
            return new DistributionLauncher(home, plugins, runDirectory, javaOpts);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Optional<Path> nginxBinary()
    {
        if ("none".equals(nginx)) {
            return Optional.empty();
        }
        return NginxBaseline.find(nginx);
    }

    private void printConfigs(PrintWriter out, ScenarioCatalog catalog, List<Scenario> chosen, String[] redisParts)
            throws IOException
    {
        int port = upstreamPort == 0 ? PRINT_CONFIG_PORT : upstreamPort;
        for (Scenario scenario : chosen) {
            ScenarioParameters parameters = new ScenarioParameters(scenario.name(), catalog.parameters(scenario.name()), durationFactor, OptionalDouble.empty());
            Map<String, String> values = new HashMap<>(scenario.configValues(parameters));
            values.put("upstream", "http://127.0.0.1:" + port);
            values.put("master_key", masterKey);
            values.put("redis_host", redisParts[0]);
            values.put("redis_port", redisParts[1]);
            for (String template : scenario.configTemplates()) {
                out.println("# ---- scenario " + scenario.name() + ", config " + template + " (fake upstream on port " + port + ")");
                out.println(GatewayConfigs.render(config == null ? GatewayConfigs.template(template) : Files.readString(config), values));
            }
        }
        out.flush();
    }
}
