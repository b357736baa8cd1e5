package io.junction.tck.bench.scenario;

import io.junction.tck.bench.load.RequestBodies;
import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.util.List;

/**
 * LiteLLM's 1K RPS locust test as an open-loop load: the latency Junction adds per percentile at 1,000 RPS, its own
 * overhead figure, CPU per thousand requests and peak memory.
 */
public final class OverheadScenario
        extends DescribedScenario
{
    public OverheadScenario()
    {
        super("overhead",
                "LiteLLM's load-test payload at a fixed rate (1,000 RPS), straight to the fake upstream and through the gateway: "
                        + "the latency the gateway adds per percentile, its self-reported overhead, CPU-seconds per 1k requests and peak RSS.",
                List.of("default"));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withLatency(parameters.fixedMillis("upstream_latency_ms")));
        RequestBodies bodies = context.bodies(ScenarioContext.DISTINCT_BODIES, false);
        double rate = parameters.rate();
        LoadShape shape = context.shape(rate, parameters.warmup("warmup_s"), parameters.measure("measure_s"), bodies, false);
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        context.directThenGateway(result, "default", rate, shape);
        result.note("Payload: LiteLLM's locust body, " + bodies.bytesPerBody() + " bytes, " + bodies.distinct() + " distinct bodies (a uuid each).");
        return result.completed();
    }
}
