package io.junction.tck.kit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A deterministic, thread-safe and lock-free random generator (SplitMix64 over an atomic counter), as a
 * {@code RoutingContext} requires: the same seed gives the same sequence to a single thread, and concurrent callers
 * never corrupt it.
 */
public final class SeededRandom
        implements RandomGenerator
{
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    private final AtomicLong state;

    public SeededRandom(long seed)
    {
        this.seed = seed;
        this.state = new AtomicLong(seed);
    }

    @Override
    public long nextLong()
    {
        long z = state.addAndGet(GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString()
    {
        return "SeededRandom[seed=" + seed + "]";
    }
}
