package io.junction.kernel.router;

import java.time.InstantSource;

/**
 * How many retries a model group may add on top of its traffic (Finagle's and Envoy's retry budget): over the last
 * 10 seconds, retries may number {@code ratio} of the first attempts, plus {@code minPerSecond} for every second so
 * that a quiet group can still retry. A failing upstream then sees at most (1 + ratio) times the clients' traffic,
 * not (1 + num_retries) times. Deposits are lock-free; a withdrawal takes a short lock (retries are the rare case).
 */
final class RetryBudget
{
    static final int WINDOW_SECONDS = 10;

    private final double ratio;
    private final double minPerSecond;
    private final InstantSource clock;
    private final MinuteWindow[] firstAttempts = windows();
    private final MinuteWindow[] retries = windows();

    RetryBudget(double ratio, double minPerSecond, InstantSource clock)
    {
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.clock = clock;
    }

    /** Counts a first attempt: every one of them earns {@code ratio} of a retry. */
    void deposit()
    {
        long second = clock.millis() / 1000;
        // a MinuteWindow keyed by the second: a count that restarts when its slot comes round again
        firstAttempts[slot(second)].add(1, second);
    }

    /** Takes one retry from the budget if it holds one. */
    synchronized boolean tryWithdraw()
    {
        long second = clock.millis() / 1000;
        if (balance(second) < 1) {
            return false;
        }
        retries[slot(second)].add(1, second);
        return true;
    }

    double balance(long second)
    {
        long deposited = 0;
        long withdrawn = 0;
        for (long s = second - WINDOW_SECONDS + 1; s <= second; s++) {
            deposited += firstAttempts[slot(s)].get(s);
            withdrawn += retries[slot(s)].get(s);
        }
        return minPerSecond * WINDOW_SECONDS + ratio * deposited - withdrawn;
    }

    private static int slot(long second)
    {
        return (int) Math.floorMod(second, WINDOW_SECONDS);
    }

    private static MinuteWindow[] windows()
    {
        MinuteWindow[] windows = new MinuteWindow[WINDOW_SECONDS];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = new MinuteWindow();
        }
        return windows;
    }
}
