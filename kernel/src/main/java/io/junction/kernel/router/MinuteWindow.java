package io.junction.kernel.router;

import java.util.concurrent.atomic.AtomicLong;

/** A count that restarts at every UTC minute, like a provider's rpm and tpm quotas. */
final class MinuteWindow
{
    private volatile long minute;
    private final AtomicLong count = new AtomicLong();

    void add(long amount, long currentMinute)
    {
        if (minute != currentMinute) {
            synchronized (this) {
                if (minute != currentMinute) {
                    count.set(0);
                    minute = currentMinute;
                }
            }
        }
        count.addAndGet(amount);
    }

    long get(long currentMinute)
    {
        return minute == currentMinute ? count.get() : 0;
    }
}
