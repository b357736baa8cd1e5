package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import io.junction.spi.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.junction.kernel.config.Configs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** router_settings for limits, cooldowns, retries, fallbacks and Redis, with LiteLLM's names and defaults. */
class RouterSettingsTest
{
    @Test
    void defaultsAreLiteLlms()
    {
        RouterSettings settings = parse("").routerSettings();

        assertEquals(new CooldownSettings(3, Duration.ofSeconds(5), false), settings.cooldowns());
        assertEquals(5, settings.fallbacks().maxFallbacks());
        assertEquals(Map.of(), settings.fallbacks().fallbacks());
        assertEquals(Optional.empty(), settings.fallbacks().contextWindow());
        assertFalse(settings.preCallChecks());
        assertEquals(RetrySettings.DEFAULTS, settings.retries());
        assertEquals(Optional.empty(), settings.redis());
    }

    @Test
    void readsEveryKey()
    {
        RouterSettings settings = parse("""
                model_list:
                  - {model_name: a, litellm_params: {model: openai/a}}
                  - {model_name: b, litellm_params: {model: openai/b}}
                  - {model_name: c, litellm_params: {model: openai/c}}
                router_settings:
                  allowed_fails: 1
                  cooldown_time: 30
                  disable_cooldowns: true
                  fallbacks: [{"a": ["b", "c"]}, {"b": "c"}]
                  context_window_fallbacks: [{"a": ["c"]}]
                  content_policy_fallbacks: []
                  default_fallbacks: ["c"]
                  max_fallbacks: 2
                  enable_pre_call_checks: true
                  retry_after: 1
                  max_retry_delay: 4
                  retry_budget_ratio: 0.5
                  retry_budget_min_per_second: 2
                  redis_host: redis.internal
                  redis_port: "6380"
                  redis_password: hunter2
                  redis_db: 2
                  redis_timeout_ms: 20
                  redis_fallback_fraction: 0.25
                  redis_key_prefix: prod
                """).routerSettings();

        assertEquals(new CooldownSettings(1, Duration.ofSeconds(30), true), settings.cooldowns());
        assertEquals(Map.of("a", List.of("b", "c"), "b", List.of("c")), settings.fallbacks().fallbacks());
        assertEquals(Optional.of(Map.of("a", List.of("c"))), settings.fallbacks().contextWindow());
        assertEquals(Optional.of(Map.of()), settings.fallbacks().contentPolicy(), "configured, even empty: no general fallback for refusals");
        assertEquals(List.of("c"), settings.fallbacks().defaults());
        assertEquals(2, settings.fallbacks().maxFallbacks());
        assertTrue(settings.preCallChecks());
        assertEquals(new RetrySettings(Duration.ofSeconds(1), Duration.ofSeconds(4), 0.5, 2), settings.retries());
        RedisSettings redis = settings.redis().orElseThrow();
        assertEquals("redis.internal", redis.host());
        assertEquals(6380, redis.port());
        assertEquals(Optional.of("hunter2"), redis.password().map(Secret::reveal));
        assertEquals(2, redis.database());
        assertEquals(Duration.ofMillis(20), redis.commandTimeout());
        assertEquals(OptionalDouble.of(0.25), redis.fallbackFraction());
        assertEquals("prod", redis.keyPrefix());
        assertFalse(redis.toString().contains("hunter2"), "the password never shows");
    }

    @Test
    void fallbackListsAndAllowedFailsMayComeFromLitellmSettings()
    {
        RouterSettings settings = parse("""
                litellm_settings:
                  allowed_fails: 7
                  fallbacks: [{"a": ["b"]}]
                  default_fallbacks: ["b"]
                model_list:
                  - {model_name: a, litellm_params: {model: openai/a}}
                  - {model_name: b, litellm_params: {model: openai/b}}
                """).routerSettings();

        assertEquals(7, settings.cooldowns().allowedFails());
        assertEquals(Map.of("a", List.of("b")), settings.fallbacks().fallbacks());
        assertEquals(List.of("b"), settings.fallbacks().defaults());
    }

    @Test
    void redisComesFromLiteLlmsEnvironmentVariablesWhenNoKeyIsWritten()
    {
        RouterSettings fromEnvironment = ConfigLoader.parse("router_settings: {}", "test", Map.of("REDIS_HOST", "cache.local", "REDIS_PORT", "7000",
                "REDIS_PASSWORD", "pw")).routerSettings();
        assertEquals("cache.local:7000", fromEnvironment.redis().orElseThrow().location());

        RouterSettings url = ConfigLoader.parse("", "test", Map.of("REDIS_URL", "rediss://:pw@cache.local:7001/0")).routerSettings();
        assertEquals("cache.local:7001", url.redis().orElseThrow().location());

        RouterSettings written = ConfigLoader.parse("router_settings: {redis_host: mine}", "test", Map.of("REDIS_HOST", "other")).routerSettings();
        assertEquals("mine:6379", written.redis().orElseThrow().location(), "written keys win and are read alone");
    }

    @Test
    void badValuesNameTheKeyAndTheFixButNeverTheUrl()
    {
        ConfigException url = assertThrows(ConfigException.class, () -> parse("router_settings: {redis_url: \"http://:secret@host\"}"));
        assertTrue(url.getMessage().contains("router_settings.redis_url"), url.getMessage());
        assertFalse(url.getMessage().contains("secret"), url.getMessage());

        assertThrows(ConfigException.class, () -> parse("router_settings: {redis_host: h, redis_fallback_fraction: 1.5}"));
        assertThrows(ConfigException.class, () -> parse("router_settings: {redis_host: h, redis_port: 70000}"));
        assertThrows(ConfigException.class, () -> parse("router_settings: {redis_host: h, redis_key_prefix: \"a{b\"}"));
        ConfigException fallbacks = assertThrows(ConfigException.class, () -> parse("router_settings: {fallbacks: {a: b}}"));
        assertTrue(fallbacks.getMessage().contains("router_settings.fallbacks"), fallbacks.getMessage());
        assertThrows(ConfigException.class, () -> parse("router_settings: {cooldown_time: 0}"));
        assertThrows(ConfigException.class, () -> parse("router_settings: {allowed_fails: -1}"));
    }

    @Test
    void aFallbackToAGroupNoDeploymentServesIsWarnedAbout()
    {
        GatewayConfig config = parse("""
                model_list:
                  - {model_name: a, litellm_params: {model: openai/a}}
                router_settings:
                  fallbacks: [{"a": ["nowhere"]}]
                """);

        assertEquals(List.of("router_settings: the fallback model group 'nowhere' is not a model_name of any model_list entry; it is skipped"),
                config.warnings());
    }
}
