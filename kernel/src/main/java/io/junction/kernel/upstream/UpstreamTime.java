package io.junction.kernel.upstream;

/**
 * Time the current request has spent waiting on upstreams, accumulated by the upstream client on the request's own
 * thread (each request runs on its own virtual thread), so the gateway can report its own overhead as total time
 * minus this.
 */
public final class UpstreamTime
{
    private static final ThreadLocal<UpstreamTime> CURRENT = new ThreadLocal<>();

    // written by one thread at a time: the request's, or a helper's while the request thread waits for it
    private volatile long waitedNanos;

    /** Starts accounting for the calling thread's request; pair with {@link #end()}. */
    public static UpstreamTime begin()
    {
        UpstreamTime time = new UpstreamTime();
        CURRENT.set(time);
        return time;
    }

    /** The accounting of the calling thread's request, or null outside a request. */
    public static UpstreamTime current()
    {
        return CURRENT.get();
    }

    /**
     * Accounts the calling thread's upstream waits to a request begun on another thread (a helper thread that reads
     * on the request's behalf); pair with {@link #end()}.
     */
    public static void attach(UpstreamTime time)
    {
        CURRENT.set(time);
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
