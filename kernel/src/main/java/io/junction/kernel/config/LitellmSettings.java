package io.junction.kernel.config;

import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code litellm_settings}.
 *
 * @param dropParams {@code drop_params}, default false
 * @param callbacks the names in {@code callbacks}, {@code success_callback} and {@code failure_callback}, each once,
 *        in order of first appearance
 * @param cacheEnabled {@code cache}, default false
 * @param cacheParams {@code cache_params} (empty when absent); its {@code type} defaults to {@code local}
 * @param requestTimeout {@code request_timeout} (seconds)
 * @param raw the whole section, for callback-specific keys
 */
public record LitellmSettings(
        boolean dropParams,
        List<String> callbacks,
        boolean cacheEnabled,
        ConfigView cacheParams,
        Optional<Duration> requestTimeout,
        ConfigView raw)
{
    public LitellmSettings
    {
        callbacks = List.copyOf(callbacks);
        Objects.requireNonNull(cacheParams, "cacheParams is null");
        Objects.requireNonNull(requestTimeout, "requestTimeout is null");
        Objects.requireNonNull(raw, "raw is null");
    }

    public String cacheType()
    {
        return cacheParams.string("type").orElse("local");
    }
}
