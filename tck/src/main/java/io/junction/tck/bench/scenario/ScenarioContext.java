package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.GatewayConfigs;
import io.junction.tck.bench.gateway.MachineLoad;
import io.junction.tck.bench.gateway.ProcessMetrics;
import io.junction.tck.bench.gateway.ProcessMonitor;
import io.junction.tck.bench.gateway.QuietMachine;
import io.junction.tck.bench.gateway.RunningGateway;
import io.junction.tck.bench.load.JettyRequestSender;
import io.junction.tck.bench.load.LoadSpec;
import io.junction.tck.bench.load.OpenLoopRunner;
import io.junction.tck.bench.load.PhaseListener;
import io.junction.tck.bench.load.PhaseMeasurement;
import io.junction.tck.bench.load.RequestBodies;
import io.junction.tck.bench.stats.AddedLatency;
import io.junction.tck.bench.upstream.FakeUpstream;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A scenario's view of the run: its parameters, and the means to start gateways and to run measured phases. */
public final class ScenarioContext
{
    /** Distinct bodies of the "no cache hits" payload: enough that no cache could help, cheap to build. */
    public static final int DISTINCT_BODIES = 1000;
    // after the last send, how long answers may still take beyond the request timeout
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);

    private final BenchEnvironment environment;
    private final ScenarioParameters parameters;
    private final String scenario;

    public ScenarioContext(BenchEnvironment environment, ScenarioParameters parameters, String scenario)
    {
        this.environment = Objects.requireNonNull(environment, "environment is null");
        this.parameters = Objects.requireNonNull(parameters, "parameters is null");
        this.scenario = Objects.requireNonNull(scenario, "scenario is null");
    }

    public ScenarioParameters parameters()
    {
        return parameters;
    }

    public FakeUpstream upstream()
    {
        return environment.upstream();
    }

    public BenchEnvironment environment()
    {
        return environment;
    }

    /** Whether gateways run with the scenario's config (false when targeting gateways someone else started). */
    public boolean appliesConfig()
    {
        return environment.launcher().appliesConfig();
    }

    /** The config a gateway of this scenario gets: the user's, or the named template, with placeholders filled. */
    public String gatewayConfig(String template, Map<String, String> values)
    {
        Map<String, String> all = new HashMap<>(environment.placeholders());
        all.putAll(values);
        String text = environment.configOverride() != null ? environment.configOverride() : GatewayConfigs.template(template);
        return GatewayConfigs.render(text, all);
    }

    public RunningGateway startGateway(String name, String template, Map<String, String> values, int instance)
            throws IOException, InterruptedException
    {
        return environment.launcher().start(name, gatewayConfig(template, values), instance);
    }

    public RequestBodies bodies(int distinct, boolean stream)
    {
        return RequestBodies.litellmLocust(distinct, stream, environment.random());
    }

    public LoadShape shape(double rate, Duration warmup, Duration measure, RequestBodies bodies, boolean streaming)
    {
        return new LoadShape(rate, warmup, measure, bodies, streaming, environment.maxConnections(), environment.requestTimeout());
    }

    /** The calibration: the same load straight to the fake upstream. */
    public PhaseResult runDirect(String label, LoadShape shape)
            throws InterruptedException
    {
        return run(label, PhaseResult.DIRECT, List.of(upstream().chatCompletions()), OptionalLong.empty(), shape);
    }

    public PhaseResult runProxy(String label, String role, RunningGateway proxy, LoadShape shape)
            throws InterruptedException
    {
        return run(label, role, List.of(proxy.chatCompletions()), proxy.pid(), shape);
    }

    /**
     * The measurement most scenarios make: the load straight to the fake upstream, then the same load through one
     * gateway started from {@code template}. Both phases, their comparison and the standard metrics go into {@code result}.
     */
    public GatewayAgainstDirect directThenGateway(ScenarioResult.Builder result, String template, double rate, LoadShape shape)
            throws IOException, InterruptedException
    {
        PhaseResult direct = runDirect(label(PhaseResult.DIRECT, rate), shape);
        PhaseResult gateway;
        try (RunningGateway running = startGateway(scenario, template, Map.of(), 0)) {
            gateway = runProxy(label(PhaseResult.GATEWAY, rate), PhaseResult.GATEWAY, running, shape);
        }
        result.phase(direct).phase(gateway);
        Comparison comparison = compare(gateway, direct);
        if (comparison != null) {
            result.comparison(comparison);
        }
        standardMetrics(result, gateway, comparison);
        return new GatewayAgainstDirect(gateway, comparison);
    }

    /**
     * The gateway's phase of {@link #directThenGateway} and its comparison with the direct one.
     *
     * @param comparison null when either phase has no successful request to compare
     */
    public record GatewayAgainstDirect(PhaseResult gateway, Comparison comparison)
    {
        public GatewayAgainstDirect
        {
            Objects.requireNonNull(gateway, "gateway is null");
        }
    }

    /** A phase's label: its role and rate, "gateway@1000". */
    public static String label(String role, double rate)
    {
        return role + "@" + Math.round(rate);
    }

    /**
     * Runs one measured phase. The fake upstream's counters cover its measured part; the process (if given) is
     * observed for CPU over the measured part and for memory throughout.
     */
    public PhaseResult run(String label, String role, List<URI> targets, OptionalLong pid, LoadShape shape)
            throws InterruptedException
    {
        if (!environment.quietWait().isZero()) {
            QuietMachine.await(environment.proc(), environment.quietWait(), environment.clockTicksPerSecond());
        }
        upstream().resetStats();
        Optional<MachineLoad.Sample> machineAtStart = MachineLoad.sample(environment.proc());
        ProcessMonitor monitor = pid.isPresent() && environment.proc().available()
                ? ProcessMonitor.start(environment.proc(), pid.getAsLong(), environment.clockTicksPerSecond())
                : null;
        LoadSpec spec = new LoadSpec(shape.rate(), shape.warmup(), shape.measure(), shape.timeout().plus(DRAIN_MARGIN));
        PhaseListener progress = environment.listeners().apply(scenario + " " + label, spec.totalRequests());
        PhaseListener listener = new PhaseListener()
        {
            @Override
            public void progress(long sent, long total)
            {
                progress.progress(sent, total);
            }

            @Override
            public void measuring()
            {
                // the upstream's counters then cover the measured part only (give or take warm-up requests in flight)
                upstream().resetStats();
                progress.measuring();
                if (monitor != null) {
                    monitor.measuring();
                }
            }
        };
        PhaseMeasurement measurement;
        ProcessMetrics process = null;
        try (JettyRequestSender sender = new JettyRequestSender(targets, shape.bodies(), environment.masterKey(), shape.maxConnections(),
                shape.timeout(), shape.streaming(), environment.ticker())) {
            measurement = new OpenLoopRunner(environment.ticker()).run(spec, sender, listener);
        }
        finally {
            if (monitor != null) {
                process = monitor.finish();
            }
            if (progress instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        double proxyCpu = process == null ? 0 : process.phaseCpuSeconds();
        MachineLoad machine = machineAtStart.flatMap(start -> MachineLoad.since(start, environment.proc(), Runtime.getRuntime().availableProcessors(),
                environment.clockTicksPerSecond(), proxyCpu)).orElse(null);
        return PhaseResult.of(label, role, measurement, process, machine, upstream().stats());
    }

    private static void closeQuietly(AutoCloseable closeable)
    {
        try {
            closeable.close();
        }
        catch (Exception e) {
            // a progress bar that cannot close is not worth failing a benchmark for
        }
    }

    /** The proxy's phase against the direct one; null when either has no successful request to compare. */
    public static Comparison compare(PhaseResult proxied, PhaseResult direct)
    {
        if (proxied.latency() == null || direct.latency() == null) {
            return null;
        }
        AddedLatency ttfb = proxied.timeToFirstByte() != null && direct.timeToFirstByte() != null
                ? AddedLatency.between(proxied.timeToFirstByte(), direct.timeToFirstByte()) : null;
        AddedLatency gap = proxied.chunkGap() != null && direct.chunkGap() != null
                ? AddedLatency.between(proxied.chunkGap(), direct.chunkGap()) : null;
        return new Comparison(proxied.label(), direct.label(), AddedLatency.between(proxied.latency(), direct.latency()), ttfb, gap);
    }

    /**
     * The figures every latency scenario reports about its gateway phase: rates, errors, added latency, the gateway's
     * own overhead figure, CPU and memory.
     */
    public static void standardMetrics(ScenarioResult.Builder result, PhaseResult gateway, Comparison comparison)
    {
        result.metric("requested_rps", gateway.requestedRate());
        result.metric("achieved_rps", gateway.achievedRate());
        result.metric("errors", gateway.errorCount() + (gateway.sent() - gateway.completed()));
        result.metric("error_ratio", gateway.errorRatio());
        if (comparison != null) {
            for (String percentile : List.of("p50", "p90", "p95", "p99", "p999", "max")) {
                result.metric("added_" + percentile + "_ms", comparison.added().at(percentile));
            }
        }
        if (gateway.latency() != null) {
            result.metric("p50_ms", gateway.latency().p50());
            result.metric("p99_ms", gateway.latency().p99());
        }
        if (gateway.selfReportedOverhead() != null) {
            result.metric("self_reported_p50_ms", gateway.selfReportedOverhead().p50());
            result.metric("self_reported_p99_ms", gateway.selfReportedOverhead().p99());
        }
        if (gateway.cpuSecondsPer1k() != null) {
            result.metric("cpu_s_per_1k", gateway.cpuSecondsPer1k());
        }
        if (gateway.peakRssMb() != null) {
            result.metric("peak_rss_mb", gateway.peakRssMb());
        }
    }
}
