package io.junction.spi.callback;

import java.util.List;

/**
 * Receives the logging record of every request, in batches, on a kernel thread that is never a request thread:
 * a slow callback delays only itself. Events the callback cannot keep up with are dropped by the kernel (and
 * counted), never queued without bound.
 */
public interface Callback
        extends AutoCloseable
{
    /** A batch of events, oldest first. An exception is logged and counted against this callback. */
    void onEvents(List<RequestLogEvent> events);

    /** HTTP endpoints this callback serves (e.g. {@code /metrics}). */
    default List<HttpRoute> routes()
    {
        return List.of();
    }

    /** Flushes what is buffered; called on shutdown after the last batch. */
    @Override
    default void close() {}
}
