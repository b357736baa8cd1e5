package io.junction.kernel.router;

import java.util.concurrent.atomic.AtomicLong;

/** A count that restarts at every UTC minute, like a provider's rpm and tpm quotas. */
final class MinuteWindow
{
    private volatile long minute;
    private final AtomicLong count = new AtomicLong();

    void add(long amount, long currentMinute)
    {
        roll(currentMinute);
        count.addAndGet(amount);
    }

    /** Adds {@code amount} only if the count stays within {@code limit}; lock-free. */
    boolean tryAdd(long amount, long limit, long currentMinute)
    {
        roll(currentMinute);
        while (true) {
            long current = count.get();
            if (current + amount > limit) {
                return false;
            }
            if (count.compareAndSet(current, current + amount)) {
                return true;
            }
        }
    }

    long get(long currentMinute)
    {
        return minute == currentMinute ? count.get() : 0;
    }

    private void roll(long currentMinute)
    {
        if (minute != currentMinute) {
            synchronized (this) {
                if (minute != currentMinute) {
                    count.set(0);
                    minute = currentMinute;
                }
            }
        }
    }
}
