package io.junction.kernel.router;

import java.time.Duration;

/** Waits before a retry; injected so that tests see the waits instead of sitting through them. */
@FunctionalInterface
public interface Sleeper
{
    Sleeper THREAD = Thread::sleep;

    void sleep(Duration duration)
            throws InterruptedException;
}
