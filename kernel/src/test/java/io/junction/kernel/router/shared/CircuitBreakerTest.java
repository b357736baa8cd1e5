package io.junction.kernel.router.shared;

import io.junction.kernel.router.TestClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest
{
    private final TestClock clock = new TestClock("2026-11-22T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker("test store", 3, Duration.ofSeconds(1), clock);
    private final IOException down = new IOException("connection refused");

    @Test
    void opensAfterConsecutiveFailuresOnly()
    {
        breaker.failed(down);
        breaker.failed(down);
        breaker.succeeded();
        breaker.failed(down);
        breaker.failed(down);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success in between starts the count again");

        breaker.failed(down);

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allowsRequests());
        assertEquals(1, breaker.transitions());
    }

    @Test
    void probesOnceTheOpenIntervalHasPassedAndClosesOnSuccess()
    {
        openIt();
        assertFalse(breaker.allowsProbe(), "no probe before the interval");

        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.allowsProbe());
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.allowsRequests(), "requests stay local while the probe decides");

        breaker.succeeded();
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state(), "a late answer to an ordinary call does not close it");
        breaker.probeSucceeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allowsRequests());
        assertEquals(3, breaker.transitions(), "closed -> open -> half_open -> closed");
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherInterval()
    {
        openIt();
        clock.advance(Duration.ofMillis(1500));
        assertTrue(breaker.allowsProbe());

        breaker.failed(down);

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        clock.advance(Duration.ofMillis(999));
        assertFalse(breaker.allowsProbe());
        clock.advance(Duration.ofMillis(1));
        assertTrue(breaker.allowsProbe());
    }

    @Test
    void furtherFailuresWhileOpenAreNoTransitions()
    {
        openIt();
        for (int i = 0; i < 10; i++) {
            breaker.failed(down);
        }
        assertEquals(1, breaker.transitions());
    }

    private void openIt()
    {
        for (int i = 0; i < 3; i++) {
            breaker.failed(down);
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    }
}
