package io.junction.plugins.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecayingAverageTest
{
    private static final double EXACT = 1e-9;

    @Test
    void withoutSamplesThereIsNoAverage()
    {
        DecayingAverage average = new DecayingAverage(10, null, null);

        assertTrue(Double.isNaN(average.mean(0)));
        assertEquals(Long.MAX_VALUE, average.ageMillis(0));
    }

    @Test
    void fewerSamplesThanTheWindowGiveTheirPlainMean()
    {
        DecayingAverage average = new DecayingAverage(10, null, null);
        average.add(1, 0);
        average.add(2, 0);
        average.add(6, 0);

        assertEquals(3, average.mean(0), EXACT);
    }

    @Test
    void theNewestSampleWeighsAtLeastOneWindowth()
    {
        DecayingAverage average = new DecayingAverage(10, null, null);
        for (int i = 0; i < 1_000; i++) {
            average.add(1, 0);
        }
        average.add(11, 0);

        // old weight is capped at 9: (9 * 1 + 11) / 10
        assertEquals(2, average.mean(0), EXACT);
    }

    @Test
    void aWindowOfOneKeepsOnlyTheNewestSample()
    {
        DecayingAverage average = new DecayingAverage(1, null, null);
        average.add(5, 0);
        average.add(7, 0);

        assertEquals(7, average.mean(0), EXACT);
    }

    @Test
    void oldSamplesFadeWithTime()
    {
        DecayingAverage average = new DecayingAverage(1_000, Duration.ofSeconds(10), null);
        average.add(0, 0);
        // ten seconds later the first sample weighs exp(-1)
        average.add(1, 10_000);

        double fadedWeight = Math.exp(-1);
        assertEquals(1 / (fadedWeight + 1), average.mean(10_000), EXACT);
    }

    @Test
    void theAverageEndsMaxAgeAfterTheNewestSample()
    {
        DecayingAverage average = new DecayingAverage(10, null, Duration.ofSeconds(60));
        average.add(4, 1_000);

        assertEquals(4, average.mean(61_000), EXACT);
        assertTrue(Double.isNaN(average.mean(61_001)));
        assertEquals(60_001, average.ageMillis(61_001));
    }

    @Test
    void aClockThatStepsBackCountsAsNoTimePassing()
    {
        DecayingAverage average = new DecayingAverage(1_000, Duration.ofSeconds(1), Duration.ofSeconds(1));
        average.add(2, 50_000);
        average.add(4, 10_000);

        assertEquals(3, average.mean(10_000), EXACT);
        assertEquals(0, average.ageMillis(10_000));
    }

    @Test
    void nonFiniteSamplesAreIgnored()
    {
        DecayingAverage average = new DecayingAverage(10, null, null);
        average.add(3, 0);
        average.add(Double.NaN, 0);
        average.add(Double.POSITIVE_INFINITY, 0);

        assertEquals(3, average.mean(0), EXACT);
    }

    @Test
    void concurrentSamplesAreNeverLost()
            throws InterruptedException
    {
        // a window larger than the sample count and no fading: the result is the exact mean of every sample
        int threads = 8;
        int perThread = 5_000;
        DecayingAverage average = new DecayingAverage(threads * perThread + 1, null, null);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            double value = t;
            workers.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                    average.add(value, 0);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertEquals((threads - 1) / 2d, average.mean(0), 1e-6);
    }

    @Test
    void refusesAnEmptyWindow()
    {
        assertThrows(IllegalArgumentException.class, () -> new DecayingAverage(0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DecayingAverage(1, Duration.ZERO, null));
    }

    private static void awaitQuietly(CountDownLatch latch)
    {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
