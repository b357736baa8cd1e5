package io.junction.tck.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's notion of time: a monotonic nanosecond clock and a way to wait for a point on it. Injected so
 * that tests drive the open-loop schedule with a manual clock instead of sleeping.
 */
public interface Ticker
{
    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code deadlineNanos}, at once if it already has. */
    void sleepUntil(long deadlineNanos)
            throws InterruptedException;

    static Ticker system()
    {
        return SystemTicker.INSTANCE;
    }

    final class SystemTicker
            implements Ticker
    {
        private static final SystemTicker INSTANCE = new SystemTicker();

        private SystemTicker() {}

        @Override
        public long nanoTime()
        {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos)
                throws InterruptedException
        {
            // parking overshoots by tens of microseconds; lateness is measured from the intended time anyway
            for (long remaining = deadlineNanos - System.nanoTime(); remaining > 0; remaining = deadlineNanos - System.nanoTime()) {
                LockSupport.parkNanos(remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }
}
