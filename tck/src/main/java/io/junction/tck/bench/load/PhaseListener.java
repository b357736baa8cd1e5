package io.junction.tck.bench.load;

/** Told how a phase is going; called from the generator's thread, so every method must return quickly. */
public interface PhaseListener
{
    PhaseListener NONE = new PhaseListener() {};

    /** @param sent requests sent so far, warm-up included @param total requests the phase will send */
    default void progress(long sent, long total) {}

    /** The warm-up is over: the next request is the first one measured. */
    default void measuring() {}
}
