package io.junction.tck.bench.load;

/** A clock that only moves when told to: sleeping jumps to the deadline, a fake target advances it by its service time. */
final class ManualTicker
        implements Ticker
{
    private long now;

    ManualTicker(long start)
    {
        this.now = start;
    }

    @Override
    public long nanoTime()
    {
        return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos)
    {
        now = Math.max(now, deadlineNanos);
    }

    void advance(long nanos)
    {
        now += nanos;
    }
}
