package io.junction.tck.callback;

/** What a logging callback declares. */
public enum CallbackCapability
{
    /** Serves read-only HTTP routes through the gateway's port (e.g. {@code /metrics}). */
    SERVES_ROUTES,
    /**
     * Buffers events and delivers them later (to a remote sink, in batches): what it holds is delivered by close().
     * Without it, a callback delivers each batch before onEvents() returns.
     */
    BATCHES
}
