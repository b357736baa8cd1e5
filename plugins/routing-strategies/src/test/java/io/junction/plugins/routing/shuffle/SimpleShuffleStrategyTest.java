package io.junction.plugins.routing.shuffle;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;
import io.junction.spi.routing.RouteRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SimpleShuffleStrategyTest
{
    private static final int DRAWS = 10_000;
    private static final double SIGMAS = 5;
    private static final RouteRequest REQUEST = new RouteRequest("gpt-4o", Endpoint.CHAT_COMPLETIONS, false, 10);

    @Test
    void picksInProportionToWeight()
    {
        List<Candidate> candidates = List.of(
                candidate("a", weight(1), none(), none()),
                candidate("b", weight(3), none(), none()),
                candidate("c", weight(6), none(), none()));

        assertFollowsShares(candidates, Map.of("a", 0.1, "b", 0.3, "c", 0.6));
    }

    @Test
    void fractionalWeightsAreHonoured()
    {
        List<Candidate> candidates = List.of(
                candidate("a", weight(0.25), none(), none()),
                candidate("b", weight(0.75), none(), none()));

        assertFollowsShares(candidates, Map.of("a", 0.25, "b", 0.75));
    }

    @Test
    void weightTakesPrecedenceOverRpmAndTpm()
    {
        // rpm and tpm point the other way: only the weights may decide
        List<Candidate> candidates = List.of(
                candidate("a", weight(9), rpm(1), tpm(1)),
                candidate("b", weight(1), rpm(9), tpm(9)));

        assertFollowsShares(candidates, Map.of("a", 0.9, "b", 0.1));
    }

    @Test
    void fallsBackToRpmWhenNoCandidateHasAWeight()
    {
        List<Candidate> candidates = List.of(
                candidate("a", noWeight(), rpm(100), tpm(900)),
                candidate("b", noWeight(), rpm(300), tpm(100)));

        assertFollowsShares(candidates, Map.of("a", 0.25, "b", 0.75));
    }

    @Test
    void fallsBackToTpmWhenNoCandidateHasAWeightOrRpm()
    {
        List<Candidate> candidates = List.of(
                candidate("a", noWeight(), none(), tpm(20_000)),
                candidate("b", noWeight(), none(), tpm(30_000)),
                candidate("c", noWeight(), none(), tpm(50_000)));

        assertFollowsShares(candidates, Map.of("a", 0.2, "b", 0.3, "c", 0.5));
    }

    @Test
    void picksUniformlyWhenNoCandidateHasAWeightRpmOrTpm()
    {
        List<Candidate> candidates = List.of(
                candidate("a", noWeight(), none(), none()),
                candidate("b", noWeight(), none(), none()),
                candidate("c", noWeight(), none(), none()),
                candidate("d", noWeight(), none(), none()));

        assertFollowsShares(candidates, Map.of("a", 0.25, "b", 0.25, "c", 0.25, "d", 0.25));
    }

    @Test
    void candidateWithoutTheFigureCountsAsZero()
    {
        // as in LiteLLM, a deployment that does not set weight gets weight 0 once another one sets it
        List<Candidate> candidates = List.of(
                candidate("unweighted", noWeight(), rpm(1_000), none()),
                candidate("weighted", weight(1), none(), none()));

        Map<String, Integer> counts = draw(candidates, 7, DRAWS);

        assertEquals(Map.of("weighted", DRAWS), counts);
    }

    @Test
    void zeroWeightCandidatesAreNeverChosen()
    {
        List<Candidate> candidates = List.of(
                candidate("zero", weight(0), none(), none()),
                candidate("one", weight(1), none(), none()),
                candidate("negative", weight(-5), none(), none()),
                candidate("three", weight(3), none(), none()));

        Map<String, Integer> counts = draw(candidates, 11, DRAWS);

        assertEquals(0, counts.getOrDefault("zero", 0));
        assertEquals(0, counts.getOrDefault("negative", 0));
        assertEquals(DRAWS, counts.get("one") + counts.get("three"));
    }

    @Test
    void allZeroWeightsPickUniformly()
    {
        List<Candidate> candidates = List.of(
                candidate("a", weight(0), none(), none()),
                candidate("b", weight(0), none(), none()),
                candidate("c", weight(0), none(), none()));

        assertFollowsShares(candidates, Map.of("a", 1 / 3d, "b", 1 / 3d, "c", 1 / 3d));
    }

    @Test
    void singleCandidateIsAlwaysChosen()
    {
        Candidate only = candidate("only", weight(0), none(), none());
        SimpleShuffleStrategy strategy = new SimpleShuffleStrategy(new SplittableRandom(3));

        for (int i = 0; i < 1_000; i++) {
            assertSame(only, strategy.select(REQUEST, List.of(only)).orElseThrow());
        }
    }

    @Test
    void alwaysReturnsOneOfTheCandidatesItself()
    {
        List<Candidate> candidates = List.of(
                candidate("a", weight(Double.MIN_VALUE), none(), none()),
                candidate("b", weight(Double.MAX_VALUE), none(), none()),
                candidate("c", weight(Double.MAX_VALUE), none(), none()),
                candidate("d", weight(Double.NaN), none(), none()));
        SimpleShuffleStrategy strategy = new SimpleShuffleStrategy(new SplittableRandom(5));

        for (int i = 0; i < 1_000; i++) {
            Candidate picked = strategy.select(REQUEST, candidates).orElseThrow();
            assertTrue(candidates.stream().anyMatch(candidate -> candidate == picked), "picked a stranger: " + picked);
        }
    }

    @Test
    void sameSeedGivesTheSameSequence()
    {
        List<Candidate> candidates = List.of(
                candidate("a", weight(1), none(), none()),
                candidate("b", weight(2), none(), none()),
                candidate("c", weight(3), none(), none()));

        List<String> first = sequence(candidates, 42, 500);
        List<String> second = sequence(candidates, 42, 500);
        List<String> otherSeed = sequence(candidates, 43, 500);

        assertEquals(first, second);
        assertTrue(!first.equals(otherSeed), "a different seed should give a different sequence");
    }

    private static void assertFollowsShares(List<Candidate> candidates, Map<String, Double> expectedShares)
    {
        Map<String, Integer> counts = draw(candidates, 20_240_521L, DRAWS);
        assertEquals(expectedShares.keySet(), counts.keySet(), "every candidate with a share, and only those, is picked");
        for (Map.Entry<String, Double> expected : expectedShares.entrySet()) {
            double p = expected.getValue();
            double mean = DRAWS * p;
            double sigma = Math.sqrt(DRAWS * p * (1 - p));
            int actual = counts.get(expected.getKey());
            if (Math.abs(actual - mean) > SIGMAS * sigma) {
                fail("%s picked %d times of %d; expected %.0f +- %.0f (%.0f sigma)"
                        .formatted(expected.getKey(), actual, DRAWS, mean, SIGMAS * sigma, SIGMAS));
            }
        }
    }

    private static Map<String, Integer> draw(List<Candidate> candidates, long seed, int draws)
    {
        Map<String, Integer> counts = new HashMap<>();
        for (String id : sequence(candidates, seed, draws)) {
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }

    private static List<String> sequence(List<Candidate> candidates, long seed, int draws)
    {
        RandomGenerator random = new SplittableRandom(seed);
        SimpleShuffleStrategy strategy = new SimpleShuffleStrategy(random);
        List<String> picks = new ArrayList<>(draws);
        for (int i = 0; i < draws; i++) {
            picks.add(strategy.select(REQUEST, candidates).orElseThrow().id());
        }
        return picks;
    }

    private static Candidate candidate(String id, OptionalDouble weight, OptionalLong rpm, OptionalLong tpm)
    {
        Deployment deployment = new Deployment(id, "gpt-4o", "openai", "gpt-4o", weight, rpm, tpm,
                OptionalDouble.empty(), OptionalDouble.empty(), Map.of());
        return new Candidate(deployment, DeploymentLoad.IDLE);
    }

    private static OptionalDouble weight(double weight)
    {
        return OptionalDouble.of(weight);
    }

    private static OptionalDouble noWeight()
    {
        return OptionalDouble.empty();
    }

    private static OptionalLong rpm(long rpm)
    {
        return OptionalLong.of(rpm);
    }

    private static OptionalLong tpm(long tpm)
    {
        return OptionalLong.of(tpm);
    }

    private static OptionalLong none()
    {
        return OptionalLong.empty();
    }
}
