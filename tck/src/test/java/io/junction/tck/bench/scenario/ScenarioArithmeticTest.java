package io.junction.tck.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScenarioArithmeticTest
{
    @Test
    void theRpmCeilingCountsEachUtcMinuteTheLoadTouches()
    {
        long minute = 60_000L * 28_000_000;
        // 30 RPS for 60 s inside one minute: 1800 sent, a quota of 900 lets 900 through
        assertEquals(900, RateLimitCeiling.of(minute, 30, 1800, 900));
        // the same load starting 30 s into a minute: 900 sent in each of two minutes, each within its quota
        assertEquals(1800, RateLimitCeiling.of(minute + 30_000, 30, 1800, 900));
        // 20 s into a minute: 1200 then 600 sent; 900 + 600 let through
        assertEquals(1500, RateLimitCeiling.of(minute + 20_000, 30, 1800, 900));
        assertEquals(10, RateLimitCeiling.of(minute, 30, 10, 900));
    }

    @Test
    void quotasShrinkWithShortRunsButNeverBelowOne()
    {
        assertEquals(600, RateLimitCeiling.scaledQuota(600, 1));
        assertEquals(600, RateLimitCeiling.scaledQuota(600, 3));
        assertEquals(30, RateLimitCeiling.scaledQuota(600, 0.05));
        assertEquals(1, RateLimitCeiling.scaledQuota(10, 0.001));
    }

    @Test
    void theFrontierIsTheHighestSustainedRateWithinEachThreshold()
    {
        List<ThroughputFrontier.Rung> ladder = List.of(
                new ThroughputFrontier.Rung(1000, true, 0.3),
                new ThroughputFrontier.Rung(2000, true, 0.8),
                new ThroughputFrontier.Rung(4000, true, 3.0),
                new ThroughputFrontier.Rung(8000, false, 0.5),
                new ThroughputFrontier.Rung(16000, true, 0.5));
        assertEquals(OptionalDouble.of(2000), ThroughputFrontier.at(ladder, 1));
        assertEquals(OptionalDouble.of(4000), ThroughputFrontier.at(ladder, 5));
        // 8000 was not sustained, so nothing above it counts
        assertEquals(OptionalDouble.of(4000), ThroughputFrontier.at(ladder, 10));
        assertEquals(OptionalDouble.empty(), ThroughputFrontier.at(ladder, 0.1));
    }
}
