package io.junction.spi.routing;

import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Randomness and time, injected so that a strategy is deterministic under a fixed seed and a controlled clock.
 * The random generator is shared by request threads: it must be thread-safe (the kernel passes a lock-free one).
 */
public record RoutingContext(RandomGenerator random, InstantSource clock)
{
    public RoutingContext
    {
        Objects.requireNonNull(random, "random is null");
        Objects.requireNonNull(clock, "clock is null");
    }
}
