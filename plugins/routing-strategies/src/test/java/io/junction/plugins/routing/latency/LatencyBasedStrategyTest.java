package io.junction.plugins.routing.latency;

import io.junction.plugins.routing.Picks;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.tck.kit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.junction.plugins.routing.TestCandidates.deployment;
import static io.junction.plugins.routing.TestCandidates.idle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyBasedStrategyTest
{
    private static final RouteRequest WHOLE = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, false, 300);
    private static final RouteRequest STREAM = new RouteRequest("chat", Endpoint.CHAT_COMPLETIONS, true, 300);
    private static final Duration PROBE_INTERVAL = LatencySettings.DEFAULTS.probeInterval();

    private final ManualClock clock = new ManualClock();
    private final Candidate a = idle("a");
    private final Candidate b = idle("b");
    private final Candidate c = idle("c");

    @Test
    void picksTheFastestDeployment()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(500, 300);
        teach(strategy, "c", 800, 100);

        for (int i = 0; i < 100; i++) {
            assertSame(b, strategy.select(WHOLE, List.of(a, b, c)).orElseThrow());
        }
    }

    @Test
    void theBufferSpreadsRequestsOverTheNearlyFastest()
    {
        LatencyBasedStrategy strategy = strategy(new LatencySettings(Duration.ofHours(1), 0.5, 10, PROBE_INTERVAL));
        teach(strategy, "a", 100, 100);
        teach(strategy, "b", 140, 100);
        teach(strategy, "c", 151, 100);

        Picks.assertUniform(Picks.count(strategy, WHOLE, List.of(a, b, c), 6_000), 6_000, "a", "b");
    }

    @Test
    void streamsAreRoutedOnTimeToFirstToken()
    {
        LatencyBasedStrategy strategy = strategy();
        for (int i = 0; i < 5; i++) {
            // a starts streaming quickly but finishes late; b is the reverse
            strategy.onOutcome(streamed("a", 200, 5_000, 100));
            strategy.onOutcome(streamed("b", 600, 1_500, 100));
            strategy.onOutcome(whole("a", 5_000, 100));
            strategy.onOutcome(whole("b", 1_500, 100));
        }

        assertSame(a, strategy.select(STREAM, List.of(a, b)).orElseThrow());
        assertSame(b, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
    }

    @Test
    void wholeResponsesCompareSecondsPerCompletionToken()
    {
        LatencyBasedStrategy strategy = strategy();
        // a took longer, but wrote eight times as much: 10 ms a token against 30
        teach(strategy, "a", 4_000, 400);
        teach(strategy, "b", 1_500, 50);

        assertSame(a, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
    }

    @Test
    void withoutTokenCountsWholeResponsesCompareSeconds()
    {
        LatencyBasedStrategy strategy = strategy();
        teach(strategy, "a", 4_000, 400);
        // b reports no usage, so per-token figures cannot be compared
        teach(strategy, "b", 1_500, 0);

        assertSame(b, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
    }

    @Test
    void aNewDeploymentGetsOneProbePerIntervalNotAFlood()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(500, 300);
        List<Candidate> candidates = List.of(a, b, c);

        Map<String, Integer> burst = Picks.count(strategy, WHOLE, candidates, 100);
        assertEquals(Map.of("b", 99, "c", 1), burst);

        // the probe has not answered yet, but an interval later another one may go
        clock.advance(PROBE_INTERVAL);
        teach(strategy, "a", 500, 100);
        teach(strategy, "b", 300, 100);
        assertEquals(Map.of("b", 99, "c", 1), Picks.count(strategy, WHOLE, candidates, 100));

        // once it answers fast, it wins on its merits
        teach(strategy, "c", 100, 100);
        assertEquals(Map.of("c", 100), Picks.count(strategy, WHOLE, candidates, 100));
    }

    @Test
    void withNothingKnownRequestsSpreadEvenly()
    {
        LatencyBasedStrategy strategy = strategy();

        Picks.assertUniform(Picks.count(strategy, WHOLE, List.of(a, b, c), 6_000), 6_000, "a", "b", "c");
    }

    @Test
    void aSlowDeploymentIsReprobedRarelyAndRecoversWhenItGetsFast()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(300, 3_000);

        // ten minutes of one request a second while b stays slow
        int seconds = 600;
        int probesOfB = run(strategy, seconds, 3_000);
        assertTrue(probesOfB >= 1, "b was never probed");
        assertTrue(probesOfB <= seconds / PROBE_INTERVAL.toSeconds(), "b was probed " + probesOfB + " times, more than once an interval");
        assertTrue(probesOfB <= seconds * 2 * LatencyBasedStrategy.EXPLORATION_SHARE, "b was probed " + probesOfB + " times, a larger share than explored");

        // b recovers, but only its probes can tell: it is noticed within the next half hour
        run(strategy, 1_800, 100);
        assertSame(b, strategy.select(WHOLE, List.of(a, b)).orElseThrow(), "b recovered but was not noticed");
    }

    /** One request a second for that long, answered by a in 300 ms and by b as given; how many went to b. */
    private int run(LatencyBasedStrategy strategy, int seconds, long latencyOfB)
    {
        int picksOfB = 0;
        for (int second = 0; second < seconds; second++) {
            clock.advance(Duration.ofSeconds(1));
            String chosen = strategy.select(WHOLE, List.of(a, b)).orElseThrow().id();
            if (chosen.equals("b")) {
                picksOfB++;
                strategy.onOutcome(whole("b", latencyOfB, 100));
            }
            else {
                strategy.onOutcome(whole("a", 300, 100));
            }
        }
        return picksOfB;
    }

    @Test
    void aTimeoutCountsAsTheLongWaitItWas()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(300, 400);
        for (int i = 0; i < 3; i++) {
            strategy.onOutcome(streamed("a", 100, 300, 100));
            strategy.onOutcome(streamed("b", 200, 400, 100));
        }
        assertSame(a, strategy.select(STREAM, List.of(a, b)).orElseThrow());

        strategy.onOutcome(failed("a", ErrorKind.TIMEOUT, 30_000));

        assertSame(b, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
        assertSame(b, strategy.select(STREAM, List.of(a, b)).orElseThrow(), "whether it was a stream or not, a timeout made its caller wait");
    }

    @Test
    void failuresCountThroughTheSuccessRate()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(300, 400);
        for (int i = 0; i < 3; i++) {
            // quick server errors: half of a's recent attempts now fail, so a good answer takes 600 ms there
            strategy.onOutcome(failed("a", ErrorKind.UPSTREAM_SERVER, 50));
        }

        assertSame(b, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
    }

    @Test
    void theCallersOwnErrorsDoNotCountAgainstADeployment()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(300, 400);
        for (ErrorKind kind : List.of(ErrorKind.INVALID_REQUEST, ErrorKind.CONTEXT_WINDOW_EXCEEDED, ErrorKind.CONTENT_POLICY,
                ErrorKind.REQUEST_TOO_LARGE, ErrorKind.INTERNAL)) {
            strategy.onOutcome(failed("a", kind, 20_000));
            assertFalse(LatencyBasedStrategy.blamesDeployment(kind), kind.name());
        }

        assertSame(a, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
        assertTrue(LatencyBasedStrategy.blamesDeployment(ErrorKind.RATE_LIMITED));
        assertTrue(LatencyBasedStrategy.blamesDeployment(ErrorKind.UNAVAILABLE));
    }

    @Test
    void recentSamplesOutweighOldOnes()
    {
        LatencyBasedStrategy strategy = strategy();
        for (int i = 0; i < 100; i++) {
            strategy.onOutcome(whole("a", 300, 100));
        }
        teach(strategy, "b", 600, 100);

        // a degrades: with a window of 10, a few slow answers are enough to move away
        for (int i = 0; i < 3; i++) {
            strategy.onOutcome(whole("a", 2_000, 100));
        }

        assertSame(b, strategy.select(WHOLE, List.of(a, b)).orElseThrow());
    }

    @Test
    void samplesAreForgottenAfterTheTtl()
    {
        LatencyBasedStrategy strategy = strategy(new LatencySettings(Duration.ofSeconds(60), 0, 10, PROBE_INTERVAL));
        teach(strategy, "a", 300, 100);
        teach(strategy, "b", 3_000, 100);
        assertEquals(Map.of("a", 100), Picks.count(strategy, WHOLE, List.of(a, b), 100));

        clock.advance(Duration.ofSeconds(61));

        // both are unknown again: each gets one probe, then requests spread until the probes answer
        Map<String, Integer> counts = Picks.count(strategy, WHOLE, List.of(a, b), 6_000);
        Picks.assertUniform(counts, 6_000, "a", "b");
    }

    @Test
    void deploymentsWithoutHeadroomAreSkippedEvenWhenFastest()
    {
        LatencyBasedStrategy strategy = strategyThatSaw(100, 900);
        Candidate fastButFull = deployment("a").rpm(10).load(0, 10, 0).candidate();
        Candidate unknownButFull = deployment("c").tpm(100).candidate();

        assertSame(b, strategy.select(WHOLE, List.of(fastButFull, b, unknownButFull)).orElseThrow());
        assertEquals(Optional.empty(), strategy.select(WHOLE, List.of(fastButFull, unknownButFull)));
    }

    @Test
    void theSameSeedGivesTheSameChoices()
    {
        LatencySettings buffered = new LatencySettings(Duration.ofHours(1), 1.0, 10, PROBE_INTERVAL);
        LatencyBasedStrategy first = strategy(buffered, 17);
        LatencyBasedStrategy second = strategy(buffered, 17);
        for (LatencyBasedStrategy strategy : List.of(first, second)) {
            teach(strategy, "a", 300, 100);
            teach(strategy, "b", 400, 100);
        }

        for (int i = 0; i < 500; i++) {
            assertEquals(first.select(WHOLE, List.of(a, b, c)), second.select(WHOLE, List.of(a, b, c)));
        }
    }

    private LatencyBasedStrategy strategy()
    {
        return strategy(LatencySettings.DEFAULTS);
    }

    /** A strategy with the default settings that has seen a few answers of 100 tokens from a and from b, taking this long. */
    private LatencyBasedStrategy strategyThatSaw(long millisOfA, long millisOfB)
    {
        LatencyBasedStrategy strategy = strategy();
        teach(strategy, "a", millisOfA, 100);
        teach(strategy, "b", millisOfB, 100);
        return strategy;
    }

    private LatencyBasedStrategy strategy(LatencySettings settings)
    {
        return strategy(settings, 99);
    }

    private LatencyBasedStrategy strategy(LatencySettings settings, long seed)
    {
        return new LatencyBasedStrategy(settings, new RoutingContext(new SplittableRandom(seed), clock));
    }

    /** A few identical whole-response samples. */
    private static void teach(LatencyBasedStrategy strategy, String deploymentId, long latencyMillis, long completionTokens)
    {
        for (int i = 0; i < 3; i++) {
            strategy.onOutcome(whole(deploymentId, latencyMillis, completionTokens));
        }
    }

    private static AttemptOutcome whole(String deploymentId, long latencyMillis, long completionTokens)
    {
        Duration latency = Duration.ofMillis(latencyMillis);
        return new AttemptOutcome(deploymentId, "chat", Optional.empty(), latency, latency, 300, completionTokens);
    }

    private static AttemptOutcome streamed(String deploymentId, long firstTokenMillis, long latencyMillis, long completionTokens)
    {
        return new AttemptOutcome(deploymentId, "chat", Optional.empty(), Duration.ofMillis(latencyMillis), Duration.ofMillis(firstTokenMillis), 300, completionTokens);
    }

    private static AttemptOutcome failed(String deploymentId, ErrorKind kind, long latencyMillis)
    {
        Duration latency = Duration.ofMillis(latencyMillis);
        return new AttemptOutcome(deploymentId, "chat", Optional.of(kind), latency, latency, 0, 0);
    }
}
