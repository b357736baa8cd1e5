package io.junction.tck.bench.scenario;

import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.time.Duration;
import java.util.List;

/**
 * 1,500 requests in flight at once: a slow upstream (2 s by default) and a rate of concurrency / latency keep that
 * many open through the gateway. Every one must be answered.
 */
public final class Concurrency1500Scenario
        extends DescribedScenario
{
    public Concurrency1500Scenario()
    {
        super("concurrency-1500",
                "1,500 concurrent requests: a slow upstream and a rate of concurrency / latency keep 1,500 requests in flight through the gateway. "
                        + "All must be answered; reports the concurrency reached at the upstream and the added latency.",
                List.of("default"));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        int concurrency = parameters.integer("concurrency");
        Duration latency = parameters.fixedMillis("upstream_latency_ms");
        if (latency.isZero()) {
            throw new IllegalArgumentException("concurrency-1500 needs a positive upstream_latency_ms");
        }
        double rate = concurrency / (latency.toNanos() / 1e9);
        // long enough for the in-flight count to build up and hold, whatever the duration factor
        Duration measure = max(parameters.measure("measure_s"), latency.multipliedBy(3));
        // twice the target: if the gateway slows down, requests must pile up in it, not in the load generator's queue
        int connections = Math.max(context.environment().maxConnections(), 2 * concurrency);
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withLatency(latency));
        LoadShape shape = new LoadShape(rate, latency, measure, context.bodies(ScenarioContext.DISTINCT_BODIES, false), false, connections,
                context.environment().requestTimeout().plus(latency));
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        PhaseResult gateway = context.directThenGateway(result, "default", rate, shape).gateway();
        result.metric("concurrency_target", concurrency);
        result.metric("peak_client_in_flight", gateway.peakInFlight());
        result.metric("peak_upstream_in_flight", gateway.upstream().peakInFlight());
        result.metric("unanswered", gateway.sent() - gateway.ok());
        result.note("Upstream latency " + latency.toMillis() + " ms at " + Math.round(rate) + " RPS; the client may open " + connections + " connections.");
        return result.completed();
    }

    private static Duration max(Duration a, Duration b)
    {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
