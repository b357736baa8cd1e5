package io.junction.plugins.routing.simulation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays one small synthetic trace through every strategy and checks the trade-offs each one promises. The
 * full-size table is written to {@code target/routing-simulation.md}.
 */
class RoutingSimulationTest
{
    private static final Scenario SCENARIO = Scenario.small();
    private static Map<String, StrategyResult> results;

    @BeforeAll
    static void simulate()
            throws IOException
    {
        List<StrategyResult> all = SCENARIO.runAll();
        results = all.stream().collect(Collectors.toMap(StrategyResult::label, Function.identity()));
        Path report = Path.of("target", "routing-simulation.md");
        Files.createDirectories(report.getParent());
        Scenario full = Scenario.full();
        Files.writeString(report, SimulationReport.markdown(full, full.runAll()));
    }

    @Test
    void latencyBasedHasTheLowestTailLatency()
    {
        StrategyResult latency = results.get("latency-based-routing");
        for (StrategyResult other : results.values()) {
            if (other != latency) {
                assertTrue(latency.firstToken().p99() < other.firstToken().p99(),
                        "first-token p99 of latency-based " + latency.firstToken().p99() + " ms against " + other.label() + " " + other.firstToken().p99() + " ms");
                assertTrue(latency.whole().p99() < other.whole().p99(),
                        "whole-answer p99 of latency-based " + latency.whole().p99() + " ms against " + other.label() + " " + other.whole().p99() + " ms");
            }
        }
    }

    @Test
    void latencyBasedMovesAwayFromTheDegradedDeployment()
    {
        StrategyResult latency = results.get("latency-based-routing");
        StrategyResult shuffle = results.get("simple-shuffle");

        assertTrue(latency.degradedShare() < shuffle.degradedShare() / 3,
                "latency-based sent " + latency.degradedShare() + " of its attempts to the degraded deployment, shuffle " + shuffle.degradedShare());
    }

    @Test
    void costBasedIsTheCheapestPerServedRequest()
    {
        StrategyResult cost = results.get("cost-based-routing");
        for (StrategyResult other : results.values()) {
            if (other != cost) {
                assertTrue(cost.costPerThousandServed() < other.costPerThousandServed(),
                        "cost-based $" + cost.costPerThousandServed() + " per 1k against " + other.label() + " $" + other.costPerThousandServed());
            }
        }
    }

    @Test
    void strategiesThatCheckHeadroomNeverSendPastAQuota()
    {
        StrategyResult shuffle = results.get("simple-shuffle");
        assertTrue(shuffle.overLimitAdmissions() > 0, "shuffle weighs by rpm and checks no quota: it should overshoot one in some minute");
        for (String label : List.of("usage-based-routing-v2", "least-busy", "latency-based-routing", "cost-based-routing")) {
            StrategyResult result = results.get(label);
            assertEquals(0, result.overLimitAdmissions(), label + " sent past a quota");
            // only the prompt estimate's error is left for the provider to refuse
            assertTrue(result.upstreamRateLimited() * 5 < shuffle.upstreamRateLimited(), label + " was refused " + result.upstreamRateLimited() + " times by a provider's quota");
        }
    }

    @Test
    void duringTheSurgeStrategiesThatCheckHeadroomAnswer429InsteadOfFailing()
    {
        StrategyResult shuffle = results.get("simple-shuffle");
        for (String label : List.of("usage-based-routing-v2", "least-busy", "latency-based-routing", "cost-based-routing")) {
            StrategyResult result = results.get(label);
            assertTrue(result.noHeadroom() > 0, label + " should have declined some of the surge");
            assertTrue(result.failed() < shuffle.failed(), label + " failed " + result.failed() + " requests, shuffle " + shuffle.failed());
        }
        assertEquals(0, shuffle.noHeadroom(), "shuffle checks no quota, so it never declines");
    }

    @Test
    void leastBusySendsLessToADeploymentWhoseRequestsPileUp()
    {
        // the degraded deployment holds its requests six times as long, so least-busy sees it busy and goes elsewhere
        StrategyResult leastBusy = results.get("least-busy");
        StrategyResult shuffle = results.get("simple-shuffle");

        assertTrue(leastBusy.degradedShare() < shuffle.degradedShare() * 0.75,
                "least-busy sent " + leastBusy.degradedShare() + " to the degraded deployment, shuffle " + shuffle.degradedShare());
        assertTrue(leastBusy.firstToken().p99() < shuffle.firstToken().p99());
    }

    @Test
    void everyRequestIsAccountedFor()
    {
        for (StrategyResult result : results.values()) {
            assertEquals(result.requests(), result.served() + result.noHeadroom() + result.failed(), result.label());
        }
    }

    @Test
    void theSameSeedsReplayTheSameRun()
    {
        List<StrategyResult> again = SCENARIO.runAll();

        assertEquals(again.size(), results.size());
        for (StrategyResult result : again) {
            assertEquals(results.get(result.label()), result);
        }
    }
}
