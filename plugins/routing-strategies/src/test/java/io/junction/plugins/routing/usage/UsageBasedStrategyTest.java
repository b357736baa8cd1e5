package io.junction.plugins.routing.usage;

import io.junction.plugins.routing.Picks;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.junction.plugins.routing.TestCandidates.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageBasedStrategyTest
{
    private static final RouteRequest PROMPT_OF_500 = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 500);

    private final RoutingStrategy strategy = new UsageBasedStrategy(new SplittableRandom(11));

    @Test
    void picksTheLowestTokenUseThisMinute()
    {
        Candidate leastUsed = deployment("least-used").load(40, 90, 1_000).candidate();
        List<Candidate> candidates = List.of(
                deployment("a").load(0, 1, 5_000).candidate(),
                leastUsed,
                deployment("c").load(0, 0, 1_001).candidate());

        for (int i = 0; i < 100; i++) {
            assertSame(leastUsed, strategy.select(PROMPT_OF_500, candidates).orElseThrow());
        }
    }

    @Test
    void breaksTiesAtRandomAtTheStartOfAMinute()
    {
        List<Candidate> candidates = List.of(
                deployment("a").candidate(),
                deployment("b").candidate(),
                deployment("c").candidate());

        Picks.assertUniform(Picks.count(strategy, PROMPT_OF_500, candidates, 9_000), 9_000, "a", "b", "c");
    }

    @Test
    void admitsTheLastRequestOfTheRpmButNotOneMore()
    {
        Candidate lastSlot = deployment("last-slot").rpm(60).load(0, 59, 9_000).candidate();
        Candidate full = deployment("full").rpm(60).load(0, 60, 0).candidate();

        assertSame(lastSlot, strategy.select(PROMPT_OF_500, List.of(full, lastSlot)).orElseThrow());
        assertTrue(strategy.select(PROMPT_OF_500, List.of(full)).isEmpty());
    }

    @Test
    void reservesThePromptAgainstTheTpm()
    {
        Candidate fits = deployment("fits").tpm(10_000).load(0, 0, 9_500).candidate();
        Candidate tooFull = deployment("too-full").tpm(10_000).load(0, 0, 9_501).candidate();

        assertEquals("fits", strategy.select(PROMPT_OF_500, List.of(tooFull, fits)).orElseThrow().id());
        assertTrue(strategy.select(PROMPT_OF_500, List.of(tooFull)).isEmpty());
    }

    @Test
    void aLargerPromptCanPassOverADeploymentThatStillFitsASmallOne()
    {
        Candidate lowUseSmallQuota = deployment("low-use").tpm(2_000).load(0, 0, 1_000).candidate();
        Candidate highUseLargeQuota = deployment("high-use").tpm(1_000_000).load(0, 0, 50_000).candidate();
        RouteRequest small = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 100);
        RouteRequest large = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 1_500);

        assertSame(lowUseSmallQuota, strategy.select(small, List.of(highUseLargeQuota, lowUseSmallQuota)).orElseThrow());
        assertSame(highUseLargeQuota, strategy.select(large, List.of(highUseLargeQuota, lowUseSmallQuota)).orElseThrow());
    }

    @Test
    void theFirstVersionNameIsTheSameStrategy()
    {
        assertEquals("usage-based-routing-v2", new UsageBasedFactory().name());
        assertEquals("usage-based-routing", new UsageBasedFactory(UsageBasedFactory.FIRST_VERSION_NAME).name());
    }
}
