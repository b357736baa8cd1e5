package io.junction.plugins.routing.leastbusy;

import io.junction.plugins.routing.Picks;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.junction.plugins.routing.TestCandidates.deployment;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeastBusyStrategyTest
{
    private static final RouteRequest REQUEST = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 200);

    private final RoutingStrategy strategy = new LeastBusyStrategy(new SplittableRandom(42));

    @Test
    void picksTheDeploymentWithFewestRequestsInFlight()
    {
        Candidate quiet = deployment("quiet").load(1, 500, 90_000).candidate();
        List<Candidate> candidates = List.of(
                deployment("busy").load(7, 3, 100).candidate(),
                quiet,
                deployment("busier").load(12, 0, 0).candidate());

        for (int i = 0; i < 100; i++) {
            assertSame(quiet, strategy.select(REQUEST, candidates).orElseThrow());
        }
    }

    @Test
    void breaksTiesAtRandomSoAnIdleGroupSharesTheLoad()
    {
        List<Candidate> candidates = List.of(
                deployment("a").load(2, 0, 0).candidate(),
                deployment("b").load(2, 0, 0).candidate(),
                deployment("c").load(3, 0, 0).candidate(),
                deployment("d").load(2, 0, 0).candidate());

        Picks.assertUniform(Picks.count(strategy, REQUEST, candidates, 9_000), 9_000, "a", "b", "d");
    }

    @Test
    void skipsTheLeastBusyWhenItHasNoHeadroom()
    {
        Candidate withHeadroom = deployment("ok").rpm(100).load(9, 99, 0).candidate();
        List<Candidate> candidates = List.of(
                deployment("rpm-full").rpm(100).load(0, 100, 0).candidate(),
                deployment("tpm-full").tpm(1_000).load(0, 0, 801).candidate(),
                withHeadroom);

        assertSame(withHeadroom, strategy.select(REQUEST, candidates).orElseThrow());
    }

    @Test
    void declinesWhenNoDeploymentHasHeadroom()
    {
        List<Candidate> candidates = List.of(
                deployment("rpm-full").rpm(1).load(0, 1, 0).candidate(),
                deployment("tpm-full").tpm(100).load(0, 0, 0).candidate());

        assertTrue(strategy.select(REQUEST, candidates).isEmpty());
    }
}
