package io.junction.kernel.config;

import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code router_settings}.
 *
 * @param routingStrategy {@code routing_strategy}, default {@code simple-shuffle}
 * @param numRetries {@code num_retries}, else {@code litellm_settings.num_retries}, default 0
 * @param timeout {@code timeout} (seconds): the default upstream timeout of every deployment
 * @param raw the whole section, for strategy-specific keys
 */
public record RouterSettings(String routingStrategy, int numRetries, Optional<Duration> timeout, ConfigView raw)
{
    public static final String DEFAULT_ROUTING_STRATEGY = "simple-shuffle";

    public RouterSettings
    {
        Objects.requireNonNull(routingStrategy, "routingStrategy is null");
        if (numRetries < 0) {
            throw new IllegalArgumentException("numRetries must not be negative");
        }
        Objects.requireNonNull(timeout, "timeout is null");
        Objects.requireNonNull(raw, "raw is null");
    }
}
