package io.junction.spi.callback;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the kernel lends a callback.
 *
 * @param liveDeployments reads the kernel's live per-deployment figures (cheap; safe to call from a scrape)
 * @param clock the kernel's clock
 */
public record CallbackContext(Supplier<List<LiveDeployment>> liveDeployments, InstantSource clock)
{
    public CallbackContext
    {
        Objects.requireNonNull(liveDeployments, "liveDeployments is null");
        Objects.requireNonNull(clock, "clock is null");
    }
}
