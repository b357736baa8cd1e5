package io.junction.tck.bench.scenario;

import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.util.List;

/**
 * Repeated prompts through a gateway with {@code cache: true} and {@code cache_params.type: local}: nearly every
 * request should be answered from the cache (the upstream sees only the first of each prompt), faster than the
 * upstream itself.
 */
public final class CacheHitScenario
        extends DescribedScenario
{
    public CacheHitScenario()
    {
        super("cache-hit",
                "A few prompts repeated through a gateway with cache: true (type local): the share of requests the upstream never sees, "
                        + "and the latency of cached answers against the upstream's.",
                List.of("cache"));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        int distinct = parameters.integer("distinct_prompts");
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withLatency(parameters.fixedMillis("upstream_latency_ms")));
        double rate = parameters.rate();
        LoadShape shape = context.shape(rate, parameters.warmup("warmup_s"), parameters.measure("measure_s"), context.bodies(distinct, false), false);
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        PhaseResult gateway = context.directThenGateway(result, "cache", rate, shape).gateway();
        long upstreamCalls = gateway.upstream().requests();
        double hitRatio = gateway.sent() == 0 ? 0 : Math.clamp(1 - upstreamCalls / (double) gateway.sent(), 0.0, 1.0);
        result.metric("upstream_calls", upstreamCalls);
        result.metric("hit_ratio", hitRatio);
        result.note(distinct + " distinct prompts repeated; the warm-up fills the cache, so the measured part should be nearly all hits. "
                + "Negative added latency means cached answers beat the upstream's " + parameters.fixedMillis("upstream_latency_ms").toMillis() + " ms.");
        return result.completed();
    }
}
