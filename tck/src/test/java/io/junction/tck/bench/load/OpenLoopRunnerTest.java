package io.junction.tck.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopRunnerTest
{
    private static final long MILLI = 1_000_000;
    private static final long SERVICE_NANOS = 100_000;

    @Test
    void intendedSendTimesLieOnAFixedGrid()
    {
        OpenLoopSchedule schedule = new OpenLoopSchedule(5_000, 3);
        assertEquals(5_000, schedule.intendedNanos(0));
        assertEquals(5_000 + 333_333_333, schedule.intendedNanos(1));
        assertEquals(5_000 + 1_000_000_000, schedule.intendedNanos(3));
        assertEquals(5_000 + 100_000_000_000L, schedule.intendedNanos(300));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> schedule.intendedNanos(-1));
    }

    @Test
    void requestsLeaveOnTheGridWhenTheTargetKeepsUp()
            throws InterruptedException
    {
        ManualTicker ticker = new ManualTicker(0);
        StallingTarget target = new StallingTarget(ticker, index -> SERVICE_NANOS);
        PhaseMeasurement measurement = new OpenLoopRunner(ticker).run(spec(1000, 0, 100), target, PhaseListener.NONE);

        assertEquals(100, target.sendTimes.size());
        long start = target.sendTimes.getFirst();
        for (int i = 0; i < target.sendTimes.size(); i++) {
            assertEquals(start + i * MILLI, target.sendTimes.get(i), "request " + i);
        }
        assertEquals(100, measurement.ok());
        assertEquals(1000, measurement.achievedRate(), 1e-6);
        assertEquals(0, measurement.lateSends());
        // every request took the service time, measured from its intended time
        assertEquals(100, measurement.latency().getMinValue());
        assertEquals(100, measurement.latency().getMaxValue());
    }

    @Test
    void aStallCountsForEveryRequestThatShouldHaveBeenSentDuringIt()
            throws InterruptedException
    {
        ManualTicker ticker = new ManualTicker(0);
        // one connection, 0.1 ms per request, except request 200 which the target holds for 100 ms
        StallingTarget target = new StallingTarget(ticker, index -> index == 200 ? 100 * MILLI : SERVICE_NANOS);
        PhaseMeasurement measurement = new OpenLoopRunner(ticker).run(spec(1000, 0, 500), target, PhaseListener.NONE);

        assertEquals(500, measurement.sent());
        assertEquals(500, measurement.ok());
        // request 200+j (j < 110) waits for the stall: latency 100 - 0.9 j ms from its intended time; a closed-loop
        // measurement would have shown one slow request
        long slow = measurement.latency().getCountBetweenValues(1_500, measurement.latency().getMaxValue());
        assertEquals(110, slow);
        assertEquals(100_000, measurement.latency().getMaxValue(), 100);
        assertEquals(109, measurement.lateSends());
        assertEquals(99_000, measurement.sendLag().getMaxValue(), 100);
        // the target caught up within the window: everything was answered at the rate it was sent
        assertEquals(1000, measurement.achievedRate(), 1e-6);
    }

    @Test
    void aTargetThatCannotKeepUpAchievesLessThanTheRequestedRate()
            throws InterruptedException
    {
        ManualTicker ticker = new ManualTicker(0);
        // 2 ms per request on one connection: at most 500 per second
        StallingTarget target = new StallingTarget(ticker, index -> 2 * MILLI);
        PhaseMeasurement measurement = new OpenLoopRunner(ticker).run(spec(1000, 0, 1000), target, PhaseListener.NONE);

        assertEquals(500, measurement.achievedRate(), 1);
        // the backlog grows all along: the last request waited about a second past its intended time
        assertEquals(1_000_000, measurement.latency().getMaxValue(), 5_000);
    }

    @Test
    void theWarmupIsSentButNotRecorded()
            throws InterruptedException
    {
        ManualTicker ticker = new ManualTicker(0);
        StallingTarget target = new StallingTarget(ticker, index -> index < 50 ? 10 * MILLI : SERVICE_NANOS);
        List<String> events = new ArrayList<>();
        PhaseListener listener = new PhaseListener()
        {
            @Override
            public void measuring()
            {
                events.add("measuring after " + target.sendTimes.size());
            }
        };
        PhaseMeasurement measurement = new OpenLoopRunner(ticker).run(spec(1000, 50, 50), target, listener);

        assertEquals(100, target.sendTimes.size());
        assertEquals(50, measurement.sent());
        assertEquals(List.of("measuring after 50"), events);
        // the slow warm-up delayed the first measured requests, which still count from their intended times
        assertTrue(measurement.latency().getMaxValue() > 1_000, "max " + measurement.latency().getMaxValue());
    }

    @Test
    void errorsAreCountedByKindAndKeptOutOfTheLatency()
            throws InterruptedException
    {
        ManualTicker ticker = new ManualTicker(0);
        RequestSender target = (index, done) -> {
            ticker.advance(SERVICE_NANOS);
            done.accept(switch ((int) (index % 4)) {
                case 0 -> Outcome.failed(OutcomeKind.HTTP_STATUS, 429, ticker.nanoTime());
                case 1 -> Outcome.failed(OutcomeKind.TIMEOUT, 0, ticker.nanoTime());
                default -> Outcome.ok(200, ticker.nanoTime());
            });
        };
        PhaseMeasurement measurement = new OpenLoopRunner(ticker).run(spec(1000, 0, 100), target, PhaseListener.NONE);

        assertEquals(Map.of("http_429", 25L, "timeout", 25L), measurement.errors());
        assertEquals(50, measurement.ok());
        assertEquals(50, measurement.latency().getTotalCount());
        assertEquals(100, measurement.completed());
        assertEquals(0, measurement.unanswered());
    }

    private static LoadSpec spec(double rate, long warmupMillis, long measureMillis)
    {
        return new LoadSpec(rate, Duration.ofMillis(warmupMillis), Duration.ofMillis(measureMillis), Duration.ofSeconds(1));
    }

    /** A target with one connection: it answers each request before taking the next, after its service time. */
    private static final class StallingTarget
            implements RequestSender
    {
        private final ManualTicker ticker;
        private final LongUnaryOperator serviceNanos;
        private final List<Long> sendTimes = new ArrayList<>();

        StallingTarget(ManualTicker ticker, LongUnaryOperator serviceNanos)
        {
            this.ticker = ticker;
            this.serviceNanos = serviceNanos;
        }

        @Override
        public void send(long index, Consumer<Outcome> done)
        {
            sendTimes.add(ticker.nanoTime());
            ticker.advance(serviceNanos.applyAsLong(index));
            done.accept(Outcome.ok(200, ticker.nanoTime()));
        }
    }
}
