package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code router_settings} with LiteLLM's names and defaults. The keys LiteLLM also accepts under
 * {@code litellm_settings} ({@code num_retries}, {@code allowed_fails} and the fallback lists) are read there when
 * {@code router_settings} does not set them. Redis comes from {@code redis_url}, else {@code redis_host} (with
 * {@code redis_port}, {@code redis_password}, {@code redis_db}); when none of these keys is written, from LiteLLM's
 * environment variables {@code REDIS_URL}, else {@code REDIS_HOST}, {@code REDIS_PORT} and {@code REDIS_PASSWORD}.
 */
final class RouterSettingsParser
{
    private static final String ROUTER = SettingsParser.ROUTER;
    private static final String LITELLM = SettingsParser.LITELLM;
    private static final Set<String> REDIS_KEYS = Set.of("redis_url", "redis_host", "redis_port", "redis_password", "redis_db");
    private static final double MAX_COOLDOWN_SECONDS = 86_400;

    private final Map<String, Object> router;
    private final Map<String, Object> litellm;
    private final Map<String, String> environment;

    private RouterSettingsParser(Map<String, Object> router, Map<String, Object> litellm, Map<String, String> environment)
    {
        this.router = router;
        this.litellm = litellm;
        this.environment = environment;
    }

    static RouterSettings parse(Map<String, Object> router, Map<String, Object> litellm, Map<String, String> environment)
    {
        return new RouterSettingsParser(router, litellm, environment).parse();
    }

    private RouterSettings parse()
    {
        String strategyPath = KeyPaths.child(ROUTER, "routing_strategy");
        Optional<String> strategy = ConfigValues.string(strategyPath, router.get("routing_strategy"), "routing_strategy: simple-shuffle");
        if (strategy.isPresent() && strategy.get().isBlank()) {
            throw ConfigValues.missing(strategyPath, strategy.get(), "routing_strategy: simple-shuffle, or remove the line for the default");
        }
        OptionalLong retries = routerOrLitellmCount("num_retries", "retries", "num_retries: 2");
        return new RouterSettings(
                strategy.map(String::trim).orElse(RouterSettings.DEFAULT_ROUTING_STRATEGY),
                (int) retries.orElse(0),
                ConfigValues.positiveSeconds(KeyPaths.child(ROUTER, "timeout"), router.get("timeout"), "timeout: 30 (seconds)"),
                retrySettings(),
                cooldownSettings(),
                fallbackSettings(),
                ConfigValues.bool(KeyPaths.child(ROUTER, "enable_pre_call_checks"), router.get("enable_pre_call_checks"), "enable_pre_call_checks: true")
                        .orElse(false),
                redisSettings(),
                new ConfigView(ROUTER, router));
    }

    private RetrySettings retrySettings()
    {
        Duration retryAfter = nonNegativeSeconds("retry_after", "retry_after: 0 (seconds)").orElse(Duration.ZERO);
        Duration maxDelay = nonNegativeSeconds("max_retry_delay", "max_retry_delay: 8 (seconds)").orElse(RetrySettings.DEFAULT_MAX_RETRY_DELAY);
        String ratioPath = KeyPaths.child(ROUTER, "retry_budget_ratio");
        OptionalDouble ratio = ConfigValues.nonNegativeNumber(ratioPath, router.get("retry_budget_ratio"), "retries per first attempt",
                "retry_budget_ratio: 0.2");
        if (ratio.isPresent() && ratio.getAsDouble() > 100) {
            throw new ConfigException(ratioPath, "is too large: " + router.get("retry_budget_ratio") + " (a share of first attempts, 0.2 is 20%). Fix: write retry_budget_ratio: 0.2.");
        }
        OptionalDouble floor = ConfigValues.nonNegativeNumber(KeyPaths.child(ROUTER, "retry_budget_min_per_second"), router.get("retry_budget_min_per_second"),
                "retries per second", "retry_budget_min_per_second: 10");
        return new RetrySettings(retryAfter, maxDelay, ratio.orElse(RetrySettings.DEFAULT_BUDGET_RATIO),
                floor.orElse(RetrySettings.DEFAULT_BUDGET_MIN_PER_SECOND));
    }

    private CooldownSettings cooldownSettings()
    {
        OptionalLong allowedFails = routerOrLitellmCount("allowed_fails", "failures", "allowed_fails: 3");
        String timePath = KeyPaths.child(ROUTER, "cooldown_time");
        Optional<Duration> cooldownTime = ConfigValues.positiveSeconds(timePath, router.get("cooldown_time"), "cooldown_time: 5 (seconds)");
        if (cooldownTime.isPresent() && cooldownTime.get().toSeconds() > MAX_COOLDOWN_SECONDS) {
            throw new ConfigException(timePath, "is longer than a day: " + router.get("cooldown_time") + " seconds. Fix: write cooldown_time: 5 (seconds).");
        }
        boolean disabled = ConfigValues.bool(KeyPaths.child(ROUTER, "disable_cooldowns"), router.get("disable_cooldowns"), "disable_cooldowns: true")
                .orElse(false);
        return new CooldownSettings((int) allowedFails.orElse(CooldownSettings.DEFAULT_ALLOWED_FAILS),
                cooldownTime.orElse(CooldownSettings.DEFAULT_COOLDOWN_TIME), disabled);
    }

    private FallbackSettings fallbackSettings()
    {
        String example = "[{\"gpt-4o\": [\"claude-sonnet\"]}]";
        Map<String, List<String>> generic = fallbackMap("fallbacks", example).orElse(Map.of());
        Optional<Map<String, List<String>>> contextWindow = fallbackMap("context_window_fallbacks", example);
        Optional<Map<String, List<String>>> contentPolicy = fallbackMap("content_policy_fallbacks", example);
        Setting defaultsSetting = routerOrLitellm("default_fallbacks");
        List<String> defaults = ConfigValues.names(defaultsSetting.path(), defaultsSetting.value(), "default_fallbacks: [\"claude-sonnet\"]");
        OptionalLong maxFallbacks = count("max_fallbacks", ROUTER, router, "fallbacks", "max_fallbacks: 5");
        return new FallbackSettings(generic, contextWindow, contentPolicy, defaults, (int) maxFallbacks.orElse(FallbackSettings.DEFAULT_MAX_FALLBACKS));
    }

    /** A LiteLLM fallback list: {@code [{"group": ["fallback", ...]}, ...]}; a single name stands for a list of one. */
    private Optional<Map<String, List<String>>> fallbackMap(String key, String example)
    {
        Setting setting = routerOrLitellm(key);
        Object value = setting.value();
        String path = setting.path();
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> entries)) {
            throw ConfigValues.wrongType(path, value, "a list of {group: [fallback groups]} mappings", key + ": " + example);
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = KeyPaths.index(path, i);
            Map<String, Object> entry = ConfigValues.mapping(entryPath, entries.get(i), key + ": " + example);
            entry.forEach((group, targets) -> {
                List<String> names = ConfigValues.names(KeyPaths.child(entryPath, group), targets, key + ": " + example);
                map.merge(group, names, (first, more) -> {
                    List<String> merged = new ArrayList<>(first);
                    merged.addAll(more);
                    return merged;
                });
            });
        }
        return Optional.of(map);
    }

    private Optional<RedisSettings> redisSettings()
    {
        boolean written = REDIS_KEYS.stream().anyMatch(router::containsKey);
        Optional<Secret> url;
        Optional<String> host;
        Object port;
        Optional<Secret> password;
        Object database;
        String portPath;
        String databasePath;
        if (written) {
            url = ConfigValues.secret(KeyPaths.child(ROUTER, "redis_url"), router.get("redis_url"), "redis_url: redis://redis:6379").filter(value -> !value.isEmpty());
            host = ConfigValues.string(KeyPaths.child(ROUTER, "redis_host"), router.get("redis_host"), "redis_host: redis.internal").filter(text -> !text.isBlank());
            port = router.get("redis_port");
            password = ConfigValues.secret(KeyPaths.child(ROUTER, "redis_password"), router.get("redis_password"), "redis_password: os.environ/REDIS_PASSWORD")
                    .filter(value -> !value.isEmpty());
            database = router.get("redis_db");
            portPath = KeyPaths.child(ROUTER, "redis_port");
            databasePath = KeyPaths.child(ROUTER, "redis_db");
        }
        else {
            url = Optional.ofNullable(environment.get("REDIS_URL")).filter(text -> !text.isBlank()).map(Secret::new);
            host = Optional.ofNullable(environment.get("REDIS_HOST")).filter(text -> !text.isBlank());
            port = environment.get("REDIS_PORT");
            password = Optional.ofNullable(environment.get("REDIS_PASSWORD")).filter(text -> !text.isEmpty()).map(Secret::new);
            database = null;
            portPath = "the environment variable REDIS_PORT";
            databasePath = "";
        }
        if (url.isEmpty() && host.isEmpty()) {
            return Optional.empty();
        }
        if (url.isPresent()) {
            String scheme = url.get().reveal().toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("redis://") && !scheme.startsWith("rediss://")) {
                // the value itself is never shown: it may hold the password
                throw new ConfigException(written ? KeyPaths.child(ROUTER, "redis_url") : "the environment variable REDIS_URL",
                        "must start with redis:// or rediss://. Fix: write redis_url: redis://:password@host:6379.");
            }
        }
        long portNumber = port == null || (port instanceof String text && text.isBlank()) ? RedisSettings.DEFAULT_PORT
                : ConfigValues.nonNegativeInteger(portPath, port, "port", "redis_port: 6379").orElse(RedisSettings.DEFAULT_PORT);
        if (portNumber < 1 || portNumber > 65535) {
            throw new ConfigException(portPath, "must be a port between 1 and 65535 but was " + port + ". Fix: write redis_port: 6379.");
        }
        long databaseNumber = database == null ? 0 : ConfigValues.nonNegativeInteger(databasePath, database, "database", "redis_db: 0").orElse(0);
        if (databaseNumber > Integer.MAX_VALUE) {
            throw new ConfigException(databasePath, "is too large: " + database + ". Fix: write redis_db: 0.");
        }
        return Optional.of(new RedisSettings(url, host.orElse(""), (int) portNumber, password, (int) databaseNumber, commandTimeout(),
                fallbackFraction(), keyPrefix()));
    }

    private Duration commandTimeout()
    {
        String path = KeyPaths.child(ROUTER, "redis_timeout_ms");
        OptionalDouble millis = ConfigValues.positiveNumber(path, router.get("redis_timeout_ms"), "milliseconds", "redis_timeout_ms: 30");
        if (millis.isEmpty()) {
            return RedisSettings.DEFAULT_COMMAND_TIMEOUT;
        }
        if (millis.getAsDouble() < 1 || millis.getAsDouble() > 60_000) {
            throw new ConfigException(path, "must be between 1 and 60000 milliseconds but was " + router.get("redis_timeout_ms")
                    + ". Fix: write redis_timeout_ms: 30.");
        }
        return Duration.ofMillis(Math.round(millis.getAsDouble()));
    }

    private OptionalDouble fallbackFraction()
    {
        String path = KeyPaths.child(ROUTER, "redis_fallback_fraction");
        OptionalDouble fraction = ConfigValues.positiveNumber(path, router.get("redis_fallback_fraction"), "a share of each limit",
                "redis_fallback_fraction: 0.5");
        if (fraction.isPresent() && fraction.getAsDouble() > 1) {
            throw new ConfigException(path, "must be at most 1 (the whole limit) but was " + router.get("redis_fallback_fraction")
                    + ". Fix: write redis_fallback_fraction: 0.5.");
        }
        return fraction;
    }

    private String keyPrefix()
    {
        String path = KeyPaths.child(ROUTER, "redis_key_prefix");
        Optional<String> prefix = ConfigValues.string(path, router.get("redis_key_prefix"), "redis_key_prefix: junction");
        if (prefix.isPresent() && (prefix.get().isBlank() || prefix.get().contains("{") || prefix.get().contains("}"))) {
            throw new ConfigException(path, "must be a non-empty name without braces but was '" + prefix.get() + "'. Fix: write redis_key_prefix: junction-prod.");
        }
        return prefix.map(String::trim).orElse(RedisSettings.DEFAULT_KEY_PREFIX);
    }

    private Optional<Duration> nonNegativeSeconds(String key, String example)
    {
        String path = KeyPaths.child(ROUTER, key);
        OptionalDouble seconds = ConfigValues.nonNegativeNumber(path, router.get(key), "seconds", example);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        if (seconds.getAsDouble() > 3600) {
            throw new ConfigException(path, "is longer than an hour: " + router.get(key) + " seconds. Fix: write " + example + ".");
        }
        return Optional.of(Duration.ofNanos(Math.round(seconds.getAsDouble() * 1_000_000_000d)));
    }

    /** A key LiteLLM reads in either section: router_settings' when it has the key, else litellm_settings'. */
    private Setting routerOrLitellm(String key)
    {
        return router.containsKey(key) ? new Setting(KeyPaths.child(ROUTER, key), router.get(key))
                : new Setting(KeyPaths.child(LITELLM, key), litellm.get(key));
    }

    /** A count LiteLLM reads in either section: router_settings' when it sets one, else litellm_settings'. */
    private OptionalLong routerOrLitellmCount(String key, String what, String example)
    {
        OptionalLong count = count(key, ROUTER, router, what, example);
        return count.isPresent() ? count : count(key, LITELLM, litellm, what, example);
    }

    private static OptionalLong count(String key, String section, Map<String, Object> values, String what, String example)
    {
        String path = KeyPaths.child(section, key);
        OptionalLong count = ConfigValues.nonNegativeInteger(path, values.get(key), what, example);
        if (count.isPresent() && count.getAsLong() > Integer.MAX_VALUE) {
            throw new ConfigException(path, "is too large: " + count.getAsLong() + ". Fix: write " + example + ".");
        }
        return count;
    }

    /** A value as written, with its key path for messages. */
    private record Setting(String path, Object value) {}
}
