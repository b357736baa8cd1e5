package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.GatewayLauncher;
import io.junction.tck.bench.gateway.RunningGateway;
import io.junction.tck.bench.load.RequestBodies;
import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * LiteLLM's logging-callback benchmark: the same load through a gateway without callbacks and through one with
 * {@code callbacks: ["prometheus"]}. Callbacks run after the response, off the request path, so throughput should stay
 * within 5 % and the median within 10 %.
 */
public final class CallbacksNoImpactScenario
        extends DescribedScenario
{
    static final String WITHOUT = "without-callbacks";
    static final String WITH = "with-prometheus";

    public CallbacksNoImpactScenario()
    {
        super("callbacks-no-impact",
                "The same load through the gateway without callbacks and with callbacks: [\"prometheus\"]: "
                        + "throughput should stay within 5 % and the median latency within 10 %.",
                List.of("default", "prometheus"));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        if (!context.appliesConfig()) {
            throw new GatewayLauncher.ScenarioNotRunnable(
                    "compares two gateway configs, so the runner must start the gateways (--distribution or --in-process)");
        }
        if (context.environment().configOverride() != null) {
            throw new GatewayLauncher.ScenarioNotRunnable(
                    "compares the configs default and prometheus; --config would replace both with the same one");
        }
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withLatency(parameters.fixedMillis("upstream_latency_ms")));
        RequestBodies bodies = context.bodies(ScenarioContext.DISTINCT_BODIES, false);
        double rate = parameters.rate();
        LoadShape shape = context.shape(rate, parameters.warmup("warmup_s"), parameters.measure("measure_s"), bodies, false);
        PhaseResult direct = context.runDirect(ScenarioContext.label(PhaseResult.DIRECT, rate), shape);
        result.phase(direct);
        PhaseResult without;
        try (RunningGateway running = context.startGateway(name() + "-" + WITHOUT, "default", Map.of(), 0)) {
            without = context.runProxy(ScenarioContext.label(WITHOUT, rate), PhaseResult.GATEWAY, running, shape);
        }
        PhaseResult with;
        boolean metricsServed;
        try (RunningGateway running = context.startGateway(name() + "-" + WITH, "prometheus", Map.of(), 0)) {
            with = context.runProxy(ScenarioContext.label(WITH, rate), PhaseResult.GATEWAY, running, shape);
            metricsServed = servesMetrics(running.baseUri(), context.environment().masterKey());
        }
        result.phase(without).phase(with);
        Comparison withoutAdded = ScenarioContext.compare(without, direct);
        Comparison withAdded = ScenarioContext.compare(with, direct);
        if (withoutAdded != null) {
            result.comparison(withoutAdded);
            result.metric("without_added_p50_ms", withoutAdded.added().p50());
            result.metric("without_added_p99_ms", withoutAdded.added().p99());
        }
        if (withAdded != null) {
            result.comparison(withAdded);
            result.metric("with_added_p50_ms", withAdded.added().p50());
            result.metric("with_added_p99_ms", withAdded.added().p99());
        }
        result.metric("without_achieved_rps", without.achievedRate());
        result.metric("with_achieved_rps", with.achievedRate());
        if (without.achievedRate() > 0) {
            result.metric("throughput_change_ratio", Math.abs(with.achievedRate() - without.achievedRate()) / without.achievedRate());
        }
        if (without.latency() != null && with.latency() != null && without.latency().p50() > 0) {
            result.metric("median_change_ratio", Math.abs(with.latency().p50() - without.latency().p50()) / without.latency().p50());
        }
        result.metric("prometheus_metrics_served", metricsServed ? 1 : 0);
        if (!metricsServed) {
            result.note("The gateway with callbacks: [\"prometheus\"] did not serve GET /metrics: is the callbacks plugin in the plugins folder? "
                    + "Without it this compares two identical gateways.");
        }
        result.note("Upstream latency " + parameters.fixedMillis("upstream_latency_ms").toMillis() + " ms, so the medians compare on a realistic base.");
        return result.completed();
    }

    private static boolean servesMetrics(URI base, String masterKey)
    {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + masterKey).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().isBlank();
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
