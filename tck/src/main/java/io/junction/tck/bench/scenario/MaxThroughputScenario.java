package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.NginxBaseline;
import io.junction.tck.bench.gateway.RunningGateway;
import io.junction.tck.bench.load.RequestBodies;
import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A ladder of rates, each sent directly, through the gateway and through nginx (when installed): the highest rate each
 * proxy sustains while adding at most 1, 5 or 10 ms at p99 (the frontier), and the gateway's maximum against nginx's.
 */
public final class MaxThroughputScenario
        extends DescribedScenario
{
    public MaxThroughputScenario()
    {
        super("max-throughput",
                "A rate ladder: at each rate the same load goes direct, through the gateway and through an nginx reverse proxy. "
                        + "Reports the highest rate each proxy sustains with added p99 within 1/5/10 ms, and the gateway's maximum as a share of nginx's.",
                List.of("default"));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withLatency(parameters.fixedMillis("upstream_latency_ms")));
        List<Double> rates = parameters.numbers("rates");
        List<Double> thresholds = parameters.numbers("thresholds_ms");
        double highestThreshold = thresholds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double minRatio = parameters.number("sustained_ratio");
        double maxErrorRatio = parameters.number("max_error_ratio");
        RequestBodies bodies = context.bodies(ScenarioContext.DISTINCT_BODIES, false);
        LoadShape base = context.shape(rates.getFirst(), parameters.warmup("warmup_s"), parameters.measure("measure_s"), bodies, false);
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        if (parameters.rateOverridden()) {
            result.note("--rate does not apply to the ladder; its rates come from the scenario parameters.");
        }

        Map<String, RunningGateway> proxies = new LinkedHashMap<>();
        Map<String, List<ThroughputFrontier.Rung>> ladders = new LinkedHashMap<>();
        try {
            proxies.put(PhaseResult.GATEWAY, context.startGateway(name(), "default", Map.of(), 0));
            Optional<Path> nginx = context.environment().nginx();
            if (nginx.isPresent()) {
                proxies.put(PhaseResult.NGINX, NginxBaseline.start(nginx.get(), context.upstream().openAiBase(), context.environment().runDirectory()));
            }
            else {
                result.note("nginx is not installed: no baseline, throughput_vs_nginx is not measured (apt-get install nginx-light).");
            }
            proxies.keySet().forEach(role -> ladders.put(role, new ArrayList<>()));
            List<String> active = new ArrayList<>(proxies.keySet());
            Double generatorLimit = null;
            for (double rate : rates) {
                LoadShape shape = base.atRate(rate);
                PhaseResult direct = context.runDirect(ScenarioContext.label(PhaseResult.DIRECT, rate), shape);
                result.phase(direct);
                if (!ThroughputFrontier.sustained(direct, minRatio, maxErrorRatio)) {
                    generatorLimit = rate;
                    break;
                }
                for (String role : List.copyOf(active)) {
                    PhaseResult phase = context.runProxy(ScenarioContext.label(role, rate), role, proxies.get(role), shape);
                    result.phase(phase);
                    Comparison comparison = ScenarioContext.compare(phase, direct);
                    if (comparison != null) {
                        result.comparison(comparison);
                    }
                    boolean sustained = comparison != null && ThroughputFrontier.sustained(phase, minRatio, maxErrorRatio);
                    double addedP99 = comparison == null ? Double.POSITIVE_INFINITY : comparison.added().p99();
                    ladders.get(role).add(new ThroughputFrontier.Rung(rate, sustained, addedP99));
                    if (!sustained || addedP99 > highestThreshold) {
                        active.remove(role);
                    }
                }
                if (active.isEmpty()) {
                    break;
                }
            }
            if (generatorLimit != null) {
                result.note("The direct run could not sustain " + Math.round(generatorLimit) + " RPS: the load generator and the fake upstream "
                        + "(sharing this machine) end the ladder there" + (active.isEmpty() ? "." : "; " + active + " had not reached their limit."));
            }
            else if (!active.isEmpty()) {
                result.note(active + " sustained the top of the ladder: their maximum is higher than reported.");
            }
        }
        finally {
            proxies.values().forEach(RunningGateway::close);
        }

        Map<String, OptionalDouble> maxima = new LinkedHashMap<>();
        for (Map.Entry<String, List<ThroughputFrontier.Rung>> ladder : ladders.entrySet()) {
            String prefix = ladder.getKey().equals(PhaseResult.GATEWAY) ? "" : ladder.getKey() + "_";
            for (double threshold : thresholds) {
                ThroughputFrontier.at(ladder.getValue(), threshold)
                        .ifPresent(rate -> result.metric(prefix + "frontier_p99_" + formatThreshold(threshold) + "ms_rps", rate));
            }
            OptionalDouble max = ThroughputFrontier.at(ladder.getValue(), highestThreshold);
            maxima.put(ladder.getKey(), max);
            max.ifPresent(rate -> result.metric(prefix + "max_sustainable_rps", rate));
        }
        OptionalDouble gatewayMax = maxima.getOrDefault(PhaseResult.GATEWAY, OptionalDouble.empty());
        OptionalDouble nginxMax = maxima.getOrDefault(PhaseResult.NGINX, OptionalDouble.empty());
        if (nginxMax.isPresent() && nginxMax.getAsDouble() > 0) {
            result.metric("throughput_vs_nginx", gatewayMax.orElse(0) / nginxMax.getAsDouble());
        }
        return result.completed();
    }

    private static String formatThreshold(double threshold)
    {
        return threshold == Math.rint(threshold) ? Long.toString(Math.round(threshold)) : Double.toString(threshold).replace('.', '_');
    }
}
