package io.junction.tck.bench.scenario;

import io.junction.tck.bench.upstream.FakeUpstreamSettings;

import java.time.Duration;
import java.util.List;

/**
 * Server-sent events through the gateway: what it adds to the time to the first event and to the gaps between
 * events, with an upstream that sends N chunks a fixed gap apart.
 */
public final class StreamingScenario
        extends DescribedScenario
{
    public StreamingScenario()
    {
        super("streaming",
                "Streamed completions (N chunks a fixed gap apart): the time to the first event and the gap between events that the gateway adds, "
                        + "and streams cut short.",
                List.of("default"));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        int chunks = parameters.integer("chunks");
        Duration gap = parameters.fixedMillis("chunk_gap_ms");
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withStream(chunks, gap));
        double rate = parameters.rate();
        LoadShape base = context.shape(rate, parameters.warmup("warmup_s"), parameters.measure("measure_s"),
                context.bodies(ScenarioContext.DISTINCT_BODIES, true), true);
        // a stream lasts about (chunks + 2) gaps; the timeout is on top of that
        Duration streamLength = gap.multipliedBy(chunks + 3);
        LoadShape shape = new LoadShape(base.rate(), base.warmup(), base.measure(), base.bodies(), true, base.maxConnections(),
                base.timeout().plus(streamLength));
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        ScenarioContext.GatewayAgainstDirect measured = context.directThenGateway(result, "default", rate, shape);
        Comparison comparison = measured.comparison();
        if (comparison != null && comparison.addedTimeToFirstByte() != null) {
            result.metric("added_ttft_p50_ms", comparison.addedTimeToFirstByte().p50());
            result.metric("added_ttft_p99_ms", comparison.addedTimeToFirstByte().p99());
        }
        if (comparison != null && comparison.addedChunkGap() != null) {
            result.metric("added_gap_p50_ms", comparison.addedChunkGap().p50());
            result.metric("added_gap_p99_ms", comparison.addedChunkGap().p99());
        }
        result.metric("stream_cuts", measured.gateway().errors().getOrDefault("stream_cut", 0L));
        result.note(chunks + " content chunks " + gap.toMillis() + " ms apart; time to first token = intended send to the first body bytes "
                + "(the role chunk), gaps = between successive reads of the body.");
        return result.completed();
    }
}
