package io.junction.plugins.routing;

import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated choices of a strategy, counted by deployment id. */
public final class Picks
{
    private Picks() {}

    public static Map<String, Integer> count(RoutingStrategy strategy, RouteRequest request, List<Candidate> candidates, int draws)
    {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < draws; i++) {
            String id = strategy.select(request, candidates).map(Candidate::id).orElse("none");
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }

    /** Asserts that each id was picked about {@code draws / ids.length} times (within 5 sigma), and nothing else. */
    public static void assertUniform(Map<String, Integer> counts, int draws, String... ids)
    {
        assertTrue(counts.keySet().equals(new TreeSet<>(List.of(ids))), "picked " + counts + ", expected only " + List.of(ids));
        double p = 1d / ids.length;
        double sigma = Math.sqrt(draws * p * (1 - p));
        for (String id : ids) {
            assertTrue(Math.abs(counts.get(id) - draws * p) <= 5 * sigma, id + " picked " + counts.get(id) + " times of " + draws + ": " + counts);
        }
    }
}
