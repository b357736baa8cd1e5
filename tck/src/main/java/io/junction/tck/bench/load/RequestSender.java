package io.junction.tck.bench.load;

import java.util.function.Consumer;

/** Sends the requests of an open-loop phase. Implementations must not block in {@link #send} for the answer. */
public interface RequestSender
        extends AutoCloseable
{
    /**
     * Sends request number {@code index} now and calls {@code done} exactly once, from any thread, when it ends.
     * Times in the {@link Outcome} are on the same {@link Ticker} as the runner's.
     */
    void send(long index, Consumer<Outcome> done);

    @Override
    default void close() {}
}
