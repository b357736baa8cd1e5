package io.junction.plugins.routing.cost;

import io.junction.plugins.routing.Picks;
import io.junction.spi.ConfigView;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.tck.kit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.junction.plugins.routing.TestCandidates.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostBasedStrategyTest
{
    private static final RouteRequest REQUEST = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 1_000);

    private final CostBasedStrategy strategy = new CostBasedStrategy(PriceTable.shipped(), new RoutingContext(new SplittableRandom(3), new ManualClock()));

    @Test
    void picksTheCheapestDeployment()
    {
        Candidate cheapest = deployment("mini").model("openai", "gpt-4o-mini").candidate();
        List<Candidate> candidates = List.of(
                deployment("4o").model("openai", "gpt-4o").candidate(),
                cheapest,
                deployment("sonnet").model("anthropic", "claude-sonnet-4-20250514").candidate());

        for (int i = 0; i < 50; i++) {
            assertSame(cheapest, strategy.select(REQUEST, candidates).orElseThrow());
        }
    }

    @Test
    void theDeploymentsOwnPricesWinOverTheTable()
    {
        // a negotiated price makes this gpt-4o cheaper than the listed gpt-4o-mini
        Candidate negotiated = deployment("negotiated").model("azure", "gpt-4o").pricePerMillion(0.01, 0.01).candidate();
        Candidate listed = deployment("mini").model("openai", "gpt-4o-mini").candidate();

        assertSame(negotiated, strategy.select(REQUEST, List.of(listed, negotiated)).orElseThrow());
        assertEquals(new TokenPrice(0.01 / 1e6, 0.01 / 1e6), strategy.price(negotiated.deployment()).orElseThrow());
    }

    @Test
    void aPriceSetForOneSideOnlyTakesTheOtherFromTheTable()
    {
        Candidate halfConfigured = deployment("half").model("openai", "gpt-4o").inputPricePerMillion(1.00).candidate();

        assertEquals(new TokenPrice(1.00 / 1e6, 10.00 / 1e6), strategy.price(halfConfigured.deployment()).orElseThrow());
    }

    @Test
    void deploymentsWithUnknownPricesRankLast()
    {
        Candidate priced = deployment("priced").model("anthropic", "claude-opus-4-1-20250805").candidate();
        Candidate unknown = deployment("self-hosted").model("hosted_vllm", "my-llama").candidate();

        assertTrue(strategy.price(unknown.deployment()).isEmpty());
        assertSame(priced, strategy.select(REQUEST, List.of(unknown, priced)).orElseThrow());
        // but an unknown price still serves when nothing priced has headroom
        Candidate pricedButFull = deployment("priced").model("anthropic", "claude-opus-4-1-20250805").rpm(1).load(0, 1, 0).candidate();
        assertSame(unknown, strategy.select(REQUEST, List.of(pricedButFull, unknown)).orElseThrow());
    }

    @Test
    void equalPricesAndUnknownPricesShareTheLoadAtRandom()
    {
        List<Candidate> samePrice = List.of(
                deployment("a").model("openai", "gpt-4o").candidate(),
                deployment("b").model("azure", "gpt-4o").pricePerMillion(2.50, 10.00).candidate(),
                deployment("c").model("openai", "gpt-4o").candidate());
        Picks.assertUniform(Picks.count(strategy, REQUEST, samePrice, 9_000), 9_000, "a", "b", "c");

        List<Candidate> allUnknown = List.of(
                deployment("x").model("custom", "one").candidate(),
                deployment("y").model("custom", "two").candidate());
        Picks.assertUniform(Picks.count(strategy, REQUEST, allUnknown, 6_000), 6_000, "x", "y");
    }

    @Test
    void skipsTheCheapestWhenItHasNoHeadroom()
    {
        Candidate cheapestFull = deployment("cheap").model("openai", "gpt-4o-mini").tpm(10_000).load(0, 0, 9_500).candidate();
        Candidate next = deployment("next").model("openai", "gpt-4.1-mini").candidate();

        assertSame(next, strategy.select(REQUEST, List.of(cheapestFull, next)).orElseThrow());
        assertEquals(Optional.empty(), strategy.select(REQUEST, List.of(cheapestFull)));
    }

    @Test
    void onceAnswerLengthsAreKnownTheCostOfThisRequestDecides()
    {
        // per token gemini-2.5-flash (0.30 + 2.50) costs more than gpt-4.1-mini (0.40 + 1.60),
        // but for a long prompt with a short answer its cheaper input wins
        Candidate flash = deployment("flash").model("gemini", "gemini-2.5-flash").candidate();
        Candidate mini = deployment("mini").model("openai", "gpt-4.1-mini").candidate();
        List<Candidate> candidates = List.of(flash, mini);
        RouteRequest longPrompt = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 20_000);

        assertSame(mini, strategy.select(longPrompt, candidates).orElseThrow(), "before any answer: price per token, as LiteLLM");

        for (int i = 0; i < 20; i++) {
            strategy.onOutcome(success("mini", 20_000, 200));
        }

        assertSame(flash, strategy.select(longPrompt, candidates).orElseThrow());
        RouteRequest shortPrompt = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 50);
        assertSame(mini, strategy.select(shortPrompt, candidates).orElseThrow());
    }

    @Test
    void answerLengthsOfOneGroupDoNotSteerAnother()
    {
        Candidate flash = deployment("flash").model("gemini", "gemini-2.5-flash").candidate();
        Candidate mini = deployment("mini").model("openai", "gpt-4.1-mini").candidate();
        for (int i = 0; i < 20; i++) {
            strategy.onOutcome(new AttemptOutcome("elsewhere", "other-group", Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), 20_000, 200));
        }

        assertSame(mini, strategy.select(new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 20_000), List.of(flash, mini)).orElseThrow());
    }

    @Test
    void theFactoryUsesTheShippedTable()
    {
        RoutingStrategy created = new CostBasedFactory().create(ConfigView.empty("router_settings"), new RoutingContext(new SplittableRandom(1), new ManualClock()));
        Candidate cheapest = deployment("nano").model("openai", "gpt-4.1-nano").candidate();

        assertSame(cheapest, created.select(REQUEST, List.of(deployment("4o").candidate(), cheapest)).orElseThrow());
    }

    private static AttemptOutcome success(String deploymentId, long promptTokens, long completionTokens)
    {
        return new AttemptOutcome(deploymentId, "chat", Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(2), promptTokens, completionTokens);
    }
}
