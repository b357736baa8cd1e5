package io.junction.kernel.config;

import io.junction.spi.ConfigView;
import io.junction.spi.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code general_settings}.
 *
 * @param masterKey {@code master_key}: when present, every non-health endpoint requires it as a bearer token
 * @param maxRequestBodyBytes from {@code max_request_size_mb} (default 32 MiB)
 * @param raw the whole section
 */
public record GeneralSettings(Optional<Secret> masterKey, long maxRequestBodyBytes, ConfigView raw)
{
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 32L * 1024 * 1024;

    public GeneralSettings
    {
        Objects.requireNonNull(masterKey, "masterKey is null");
        if (maxRequestBodyBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be positive");
        }
        Objects.requireNonNull(raw, "raw is null");
    }
}
