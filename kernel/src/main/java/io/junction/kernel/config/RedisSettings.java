package io.junction.kernel.config;

import io.junction.spi.Secret;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Redis that every Junction instance of a fleet shares for rpm/tpm limits, cooldowns and load figures
 * ({@code router_settings.redis_*}, else LiteLLM's environment variables {@code REDIS_URL}, {@code REDIS_HOST},
 * {@code REDIS_PORT}, {@code REDIS_PASSWORD}).
 *
 * @param url {@code redis_url} ({@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS); when set it
 *        wins over host, port and password. A secret: it may carry the password.
 * @param host {@code redis_host}
 * @param port {@code redis_port} (default 6379)
 * @param password {@code redis_password}
 * @param database {@code redis_db} (default 0)
 * @param commandTimeout {@code redis_timeout_ms}: how long a request waits for Redis before it uses its local limits
 *        (default 50 ms)
 * @param fallbackFraction {@code redis_fallback_fraction}: the share of each global limit an instance may use on its
 *        own while Redis is unreachable; when absent, 1 / the number of instances last seen in Redis (0.5 if none
 *        was ever seen)
 * @param keyPrefix {@code redis_key_prefix}: the first part of every key (default {@code junction}), so that
 *        separate fleets can share one Redis
 */
public record RedisSettings(
        Optional<Secret> url,
        String host,
        int port,
        Optional<Secret> password,
        int database,
        Duration commandTimeout,
        OptionalDouble fallbackFraction,
        String keyPrefix)
{
    public static final int DEFAULT_PORT = 6379;
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(50);
    public static final String DEFAULT_KEY_PREFIX = "junction";

    public RedisSettings
    {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(host, "host is null");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        Objects.requireNonNull(password, "password is null");
        if (database < 0) {
            throw new IllegalArgumentException("database must not be negative");
        }
        Objects.requireNonNull(commandTimeout, "commandTimeout is null");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
        Objects.requireNonNull(fallbackFraction, "fallbackFraction is null");
        if (fallbackFraction.isPresent() && !(fallbackFraction.getAsDouble() > 0 && fallbackFraction.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("fallbackFraction must be in (0, 1]");
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix is null");
        if (keyPrefix.isBlank() || keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("keyPrefix must be non-blank and hold no braces");
        }
    }

    /** Where the Redis is, for logs and health: host and port only, never the password. */
    public String location()
    {
        if (url.isPresent()) {
            String text = url.get().reveal();
            int at = text.lastIndexOf('@');
            int scheme = text.indexOf("://");
            String rest = at >= 0 ? text.substring(at + 1) : scheme >= 0 ? text.substring(scheme + 3) : text;
            int slash = rest.indexOf('/');
            return slash >= 0 ? rest.substring(0, slash) : rest;
        }
        return host + ":" + port;
    }
}
