package io.junction.kernel.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.junction.kernel.config.Configs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** router_settings, litellm_settings and general_settings, with LiteLLM's defaults. */
class SettingsTest
{
    @Test
    void emptyFileAndEmptySectionsGiveTheDefaults()
    {
        for (String yaml : List.of("", "# only a comment\n", "model_list:\nrouter_settings:\nlitellm_settings:\ngeneral_settings:\nenvironment_variables:\n",
                "general_settings: {}\nlitellm_settings: {}\nmodel_list: []\nrouter_settings: {}\n")) {
            GatewayConfig config = parse(yaml);

            assertEquals(List.of(), config.modelList());
            assertEquals("simple-shuffle", config.routerSettings().routingStrategy());
            assertEquals(0, config.routerSettings().numRetries());
            assertEquals(Optional.empty(), config.routerSettings().timeout());
            assertFalse(config.litellmSettings().dropParams());
            assertEquals(List.of(), config.litellmSettings().callbacks());
            assertFalse(config.litellmSettings().cacheEnabled());
            assertEquals("local", config.litellmSettings().cacheType());
            assertEquals(Optional.empty(), config.litellmSettings().requestTimeout());
            assertEquals(Optional.empty(), config.generalSettings().masterKey());
            assertEquals(32L * 1024 * 1024, config.generalSettings().maxRequestBodyBytes());
            assertEquals(List.of(), config.warnings());
        }
    }

    @Test
    void numRetriesFallsBackToLitellmSettings()
    {
        assertEquals(3, parse("litellm_settings: {num_retries: 3}").routerSettings().numRetries());
        assertEquals(1, parse("litellm_settings: {num_retries: 3}\nrouter_settings: {num_retries: 1}").routerSettings().numRetries());
        assertEquals(0, parse("litellm_settings: {num_retries: 3}\nrouter_settings: {num_retries: 0}").routerSettings().numRetries());
    }

    @Test
    void callbacksAreMergedInOrderOfFirstAppearanceEachOnce()
    {
        GatewayConfig config = parse("""
                litellm_settings:
                  success_callback: ["langfuse", "prometheus"]
                  callbacks: otel
                  failure_callback: ["sentry", "langfuse", "otel"]
                """);

        assertEquals(List.of("langfuse", "prometheus", "otel", "sentry"), config.litellmSettings().callbacks());
    }

    @Test
    void readsCacheTimeoutsAndRequestSize()
    {
        GatewayConfig config = parse("""
                router_settings:
                  routing_strategy: latency-based-routing
                  timeout: 0.5
                litellm_settings:
                  drop_params: True
                  cache: "true"
                  cache_params: {type: redis, ttl: 600}
                  request_timeout: 600
                general_settings:
                  master_key: sk-1234
                  max_request_size_mb: 1.5
                """);

        assertEquals("latency-based-routing", config.routerSettings().routingStrategy());
        assertEquals(Optional.of(Duration.ofMillis(500)), config.routerSettings().timeout());
        assertTrue(config.litellmSettings().dropParams());
        assertTrue(config.litellmSettings().cacheEnabled());
        assertEquals("redis", config.litellmSettings().cacheType());
        assertEquals(Optional.of(600L), config.litellmSettings().cacheParams().integer("ttl"));
        assertEquals("litellm_settings.cache_params", config.litellmSettings().cacheParams().path());
        assertEquals(Optional.of(Duration.ofMinutes(10)), config.litellmSettings().requestTimeout());
        assertEquals(Optional.of("sk-1234"), config.generalSettings().masterKey().map(secret -> secret.reveal()));
        assertEquals(1572864L, config.generalSettings().maxRequestBodyBytes());
    }

    @Test
    void rawSectionsKeepEveryKeyForPlugins()
    {
        GatewayConfig config = parse("""
                router_settings:
                  routing_strategy_args: {ttl: 60}
                litellm_settings:
                  langfuse_default_tags: ["cache_hit"]
                general_settings:
                  alerting: ["slack"]
                """);

        assertTrue(config.routerSettings().raw().section("routing_strategy_args").isPresent());
        assertEquals(List.of("cache_hit"), config.litellmSettings().raw().stringList("langfuse_default_tags"));
        assertEquals(List.of("slack"), config.generalSettings().raw().stringList("alerting"));
    }
}
