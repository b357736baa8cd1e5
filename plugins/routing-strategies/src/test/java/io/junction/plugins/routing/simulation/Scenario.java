package io.junction.plugins.routing.simulation;

import io.junction.plugins.routing.cost.TokenPrice;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The simulated model group and its traffic: four deployments of a 70B-class chat model with different speeds,
 * prices and quotas, one of which degrades for a stretch of the run.
 */
record Scenario(double requestsPerSecond, Duration length, double streamShare, long traceSeed, long strategySeed, int numRetries)
{
    static final String GPT_4O_OPENAI = "gpt-4o-openai";
    static final String LLAMA_GROQ = "llama-groq";
    static final String GPT_4O_AZURE = "gpt-4o-azure";
    static final String LLAMA_SELF_HOSTED = "llama-self-hosted";

    /** What the full table in docs/routing-strategies.md was made from. */
    static Scenario full()
    {
        return new Scenario(5, Duration.ofMinutes(30), 0.5, 20_260_101L, 7L, 1);
    }

    /** A shorter run of the same shape, for the test. */
    static Scenario small()
    {
        return new Scenario(5, Duration.ofMinutes(15), 0.5, 20_260_101L, 7L, 1);
    }

    /** From 80% to 90% of the run, three times the traffic: more than all quotas together admit. */
    TrafficTrace.Surge surge()
    {
        return new TrafficTrace.Surge(length.multipliedBy(8).dividedBy(10), length.multipliedBy(9).dividedBy(10), 3);
    }

    List<SimulatedRequest> trace()
    {
        return TrafficTrace.poisson(traceSeed, requestsPerSecond, length, streamShare, surge());
    }

    /** The degrading deployment is bad from 40% to 70% of the run. */
    List<SimulatedDeployment> deployments()
    {
        SimulatedDeployment.Degradation degradation = new SimulatedDeployment.Degradation(
                length.multipliedBy(4).dividedBy(10), length.multipliedBy(7).dividedBy(10), 6, 0.20, 0.5);
        return List.of(
                // listed price looked up from the table
                new SimulatedDeployment(GPT_4O_OPENAI, "openai", "gpt-4o", OptionalLong.of(300), OptionalLong.empty(),
                        Optional.empty(), perMillion(2.50, 10.00), 450, 12, 0.35, 48, 0.005, Optional.empty()),
                // fast and cheap, but spiky, small, and with tight quotas
                new SimulatedDeployment(LLAMA_GROQ, "groq", "llama-3.3-70b-versatile", OptionalLong.of(60), OptionalLong.of(30_000),
                        Optional.empty(), perMillion(0.59, 0.79), 180, 3, 0.6, 6, 0.01, Optional.empty()),
                // the same price as gpt-4o-openai, declared in its configuration; degrades mid-run
                new SimulatedDeployment(GPT_4O_AZURE, "azure", "gpt-4o-eu", OptionalLong.of(200), OptionalLong.empty(),
                        Optional.of(perMillion(2.50, 10.00)), perMillion(2.50, 10.00), 350, 10, 0.3, 48, 0.005, Optional.of(degradation)),
                // self-hosted (vLLM): a declared price for its GPUs, slow, and an rpm that keeps it within its capacity
                new SimulatedDeployment(LLAMA_SELF_HOSTED, "hosted_vllm", "meta-llama/Llama-3.3-70B-Instruct", OptionalLong.of(120), OptionalLong.empty(),
                        Optional.of(perMillion(0.90, 0.90)), perMillion(0.90, 0.90), 600, 15, 0.25, 32, 0.002, Optional.empty()));
    }

    /** Every strategy of the plugin, with LiteLLM's defaults. */
    static List<RoutingSimulator.StrategyUnderTest> strategies()
    {
        return List.of(
                new RoutingSimulator.StrategyUnderTest("simple-shuffle", "simple-shuffle", Map.of()),
                new RoutingSimulator.StrategyUnderTest("least-busy", "least-busy", Map.of()),
                new RoutingSimulator.StrategyUnderTest("latency-based-routing", "latency-based-routing", Map.of()),
                new RoutingSimulator.StrategyUnderTest("usage-based-routing-v2", "usage-based-routing-v2", Map.of()),
                new RoutingSimulator.StrategyUnderTest("cost-based-routing", "cost-based-routing", Map.of()));
    }

    List<StrategyResult> runAll()
    {
        RoutingSimulator simulator = new RoutingSimulator(deployments(), numRetries, strategySeed);
        List<SimulatedRequest> trace = trace();
        return strategies().stream().map(strategy -> simulator.run(strategy, trace)).toList();
    }

    private static TokenPrice perMillion(double input, double output)
    {
        return new TokenPrice(input / 1e6, output / 1e6);
    }
}
