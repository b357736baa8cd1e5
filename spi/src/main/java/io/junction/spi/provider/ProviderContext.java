package io.junction.spi.provider;

import java.time.InstantSource;
import java.util.Objects;

/**
 * What the kernel lends a provider adapter.
 *
 * @param upstream the pooled HTTP client every upstream call must go through
 * @param clock the kernel's clock (token expiry, signatures), injected so tests control time
 * @param dropParams LiteLLM's {@code drop_params}: drop parameters the provider does not support instead of failing
 */
public record ProviderContext(UpstreamClient upstream, InstantSource clock, boolean dropParams)
{
    public ProviderContext
    {
        Objects.requireNonNull(upstream, "upstream is null");
        Objects.requireNonNull(clock, "clock is null");
    }
}
