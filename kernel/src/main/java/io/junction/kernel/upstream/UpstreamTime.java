package io.junction.kernel.upstream;

/**
 * Time the current request has spent waiting on upstreams, accumulated by the upstream client on the request's own
 * thread (each request runs on its own virtual thread), so the gateway can report its own overhead as total time
 * minus this.
 */
public final class UpstreamTime
{
    private static final ThreadLocal<UpstreamTime> CURRENT = new ThreadLocal<>();

    private long waitedNanos;

    /** Starts accounting for the calling thread's request; pair with {@link #end()}. */
    public static UpstreamTime begin()
    {
        UpstreamTime time = new UpstreamTime();
        CURRENT.set(time);
        return time;
    }

    public static void end()
    {
        CURRENT.remove();
    }

    static void add(long nanos)
    {
        UpstreamTime time = CURRENT.get();
        if (time != null) {
            time.waitedNanos += nanos;
        }
    }

    public long waitedNanos()
    {
        return waitedNanos;
    }
}
