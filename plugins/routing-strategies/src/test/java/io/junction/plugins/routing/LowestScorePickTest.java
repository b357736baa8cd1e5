package io.junction.plugins.routing;

import io.junction.spi.routing.Candidate;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static io.junction.plugins.routing.TestCandidates.idle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LowestScorePickTest
{
    @Test
    void keepsTheLowestScore()
    {
        Candidate low = idle("low");
        LowestScorePick pick = new LowestScorePick(new SplittableRandom(1));
        pick.offer(idle("high"), 5);
        pick.offer(low, 1);
        pick.offer(idle("middle"), 3);

        assertSame(low, pick.result().orElseThrow());
        assertEquals(1, pick.lowestScore());
    }

    @Test
    void tiesAreBrokenUniformly()
    {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 30_000;
        for (int i = 0; i < draws; i++) {
            LowestScorePick pick = new LowestScorePick(random);
            pick.offer(idle("a"), 2);
            pick.offer(idle("b"), 2);
            pick.offer(idle("loser"), 3);
            pick.offer(idle("c"), 2);
            counts.merge(pick.result().orElseThrow().id(), 1, Integer::sum);
        }

        assertEquals(3, counts.size(), "only the tying candidates are picked: " + counts);
        for (String id : new String[] {"a", "b", "c"}) {
            // expected 10 000 each; 5 sigma is about 408
            assertTrue(Math.abs(counts.get(id) - draws / 3) < 410, id + " picked " + counts.get(id) + " times of " + draws);
        }
    }

    @Test
    void notANumberRanksWithInfinityAfterEveryFiniteScore()
    {
        Candidate finite = idle("finite");
        LowestScorePick pick = new LowestScorePick(new SplittableRandom(3));
        pick.offer(idle("nan"), Double.NaN);
        pick.offer(idle("infinite"), Double.POSITIVE_INFINITY);
        pick.offer(finite, Double.MAX_VALUE);

        assertSame(finite, pick.result().orElseThrow());
    }

    @Test
    void nothingOfferedIsEmpty()
    {
        LowestScorePick pick = new LowestScorePick(new SplittableRandom(3));

        assertTrue(pick.isEmpty());
        assertTrue(pick.result().isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, pick.lowestScore());
    }
}
