package io.junction.kernel.router.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps requests away from a shared store that stopped answering. Closed: requests use the store. After
 * {@code failureThreshold} consecutive failures or timeouts it opens: requests use their local limits and never wait
 * on the store. Once {@code openInterval} has passed it is half-open: requests still stay local while one probe
 * (made off the request path) decides: success closes it, failure opens it again. Each transition is logged once.
 * Thread-safe and lock-free: it is consulted on every request.
 */
public final class CircuitBreaker
{
    public enum State
    {
        CLOSED,
        OPEN,
        HALF_OPEN;

        public String label()
        {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String name;
    private final int failureThreshold;
    private final Duration openInterval;
    private final InstantSource clock;

    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openedAtMillis = new AtomicLong();
    private final AtomicLong transitions = new AtomicLong();

    public CircuitBreaker(String name, int failureThreshold, Duration openInterval, InstantSource clock)
    {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.name = name;
        this.failureThreshold = failureThreshold;
        this.openInterval = openInterval;
        this.clock = clock;
    }

    /** Whether a request may use the store now: only when closed. */
    public boolean allowsRequests()
    {
        return state.get() == State.CLOSED;
    }

    /**
     * Whether the background probe should try the store now: always when closed (its regular refresh), when half-open,
     * and when open long enough to turn half-open.
     */
    public boolean allowsProbe()
    {
        State current = state.get();
        if (current == State.OPEN && clock.millis() - openedAtMillis.get() >= openInterval.toMillis()) {
            transition(State.OPEN, State.HALF_OPEN, "probing");
            return true;
        }
        return current != State.OPEN;
    }

    /**
     * A call answered. It never closes an open breaker by itself: an answer that arrives late (after its caller gave up
     * waiting) says little about whether the store is healthy again; only the probe decides that.
     */
    public void succeeded()
    {
        consecutiveFailures.set(0);
    }

    /** The probe answered: a half-open breaker closes. */
    public void probeSucceeded()
    {
        consecutiveFailures.set(0);
        if (state.get() == State.HALF_OPEN) {
            transition(State.HALF_OPEN, State.CLOSED, "the store answers again");
        }
    }

    public void failed(Throwable cause)
    {
        State current = state.get();
        if (current == State.HALF_OPEN) {
            openedAtMillis.set(clock.millis());
            transition(State.HALF_OPEN, State.OPEN, "the probe failed: " + describe(cause));
            return;
        }
        if (consecutiveFailures.incrementAndGet() >= failureThreshold && current == State.CLOSED) {
            openedAtMillis.set(clock.millis());
            transition(State.CLOSED, State.OPEN, failureThreshold + " consecutive failures, the last: " + describe(cause));
        }
    }

    public State state()
    {
        return state.get();
    }

    public long transitions()
    {
        return transitions.get();
    }

    private void transition(State from, State to, String why)
    {
        if (state.compareAndSet(from, to)) {
            transitions.incrementAndGet();
            switch (to) {
                case OPEN -> log.warn("{}: circuit {} -> open ({}); requests use their local limits", name, from.label(), why);
                case HALF_OPEN -> log.info("{}: circuit open -> half_open ({})", name, why);
                case CLOSED -> {
                    consecutiveFailures.set(0);
                    log.info("{}: circuit {} -> closed ({}); requests use the shared limits again", name, from.label(), why);
                }
            }
        }
    }

    private static String describe(Throwable cause)
    {
        if (cause == null) {
            return "unknown";
        }
        Throwable root = cause;
        while ((root instanceof java.util.concurrent.CompletionException || root instanceof java.util.concurrent.ExecutionException) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
