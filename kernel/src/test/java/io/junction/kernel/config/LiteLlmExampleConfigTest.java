package io.junction.kernel.config;

import io.junction.spi.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configs written for LiteLLM load unchanged. */
class LiteLlmExampleConfigTest
{
    static final Map<String, String> ENVIRONMENT = Map.of(
            "AZURE_API_KEY_EU", "azure-eu-secret-1",
            "AZURE_API_KEY_CA", "azure-ca-secret-2",
            "ANTHROPIC_API_KEY", "sk-ant-secret-3",
            "OPENAI_API_KEY", "sk-openai-secret-4",
            "OPENAI_ORG_ID", "org-from-process",
            "LITELLM_MASTER_KEY", "sk-master-secret-5",
            "REDIS_PASSWORD", "redis-secret-6");

    @Test
    void loadsTheDocumentedProxyExample()
    {
        GatewayConfig config = ConfigLoader.load(Configs.resource("litellm-proxy-example.yaml"), ENVIRONMENT);

        List<ModelDeployment> models = config.modelList();
        assertEquals(List.of("gpt-4o", "bedrock-claude-v1", "gpt-4o", "anthropic-claude", "claude-sonnet", "vllm-models", "gpt-4o-mini", "fake-gpt", "*"),
                models.stream().map(ModelDeployment::modelName).toList());
        assertEquals(List.of("azure", "bedrock", "azure", "bedrock", "anthropic", "openai", "openai", "mock", "openai"),
                models.stream().map(ModelDeployment::provider).toList());
        assertEquals(List.of("gpt-4o-eu", "anthropic.claude-instant-v1", "gpt-4o-ca", "anthropic.claude-instant-v1", "claude-sonnet-4-20250514",
                        "facebook/opt-125m", "gpt-4o-mini", "gpt-4o", "*"),
                models.stream().map(ModelDeployment::model).toList());

        ModelDeployment europe = models.get(0);
        assertEquals(Optional.of("azure-eu-secret-1"), europe.litellmParams().secret("api_key").map(Secret::reveal));
        assertEquals(Optional.of("https://my-endpoint-europe-berri-992.openai.azure.com/"), europe.litellmParams().string("api_base"));
        // YAML 1.1 would read an unquoted date as a timestamp; LiteLLM passes the text on
        assertEquals(Optional.of("2024-02-01"), europe.litellmParams().string("api_version"));
        assertEquals(OptionalLong.of(6), europe.rpm());
        assertEquals(Map.of(), europe.modelInfo());

        ModelDeployment sonnet = models.get(4);
        assertEquals("claude-sonnet-primary", sonnet.id());
        assertEquals(Optional.of(Duration.ofSeconds(30)), sonnet.timeout());
        assertEquals(Optional.of(Duration.ofSeconds(60)), sonnet.streamTimeout());
        // PyYAML reads 3e-6 (no dot) as a string and LiteLLM converts it: a number either way
        assertEquals(OptionalDouble.of(3e-6), sonnet.inputCostPerToken());
        assertEquals(OptionalDouble.of(0.000015), sonnet.outputCostPerToken());
        assertEquals(Map.of("anthropic-beta", "prompt-caching-2024-07-31"), sonnet.litellmParams().asMap().get("extra_headers"));
        assertEquals(Map.of("id", "claude-sonnet-primary", "max_input_tokens", 200000), sonnet.modelInfo());

        ModelDeployment vllm = models.get(5);
        assertEquals(OptionalLong.of(1440), vllm.rpm());
        assertEquals(OptionalLong.of(100000), vllm.tpm());
        assertEquals(OptionalDouble.of(2), vllm.weight());
        assertEquals(Map.of("version", 2), vllm.modelInfo());

        ModelDeployment mini = models.get(6);
        assertEquals(OptionalDouble.of(0.00000015), mini.inputCostPerToken());
        assertEquals(OptionalDouble.of(0.0000006), mini.outputCostPerToken());
        assertEquals(Optional.of("org-from-config"), mini.litellmParams().string("organization"), "environment_variables win over the process environment");

        assertEquals(Optional.of("Hello from the mock"), models.get(7).litellmParams().string("mock_response"));

        assertEquals("usage-based-routing-v2", config.routerSettings().routingStrategy());
        assertEquals(2, config.routerSettings().numRetries());
        assertEquals(Optional.of(Duration.ofSeconds(30)), config.routerSettings().timeout());
        RedisSettings redis = config.routerSettings().redis().orElseThrow();
        assertEquals("redis.internal", redis.host());
        assertEquals(1992, redis.port());
        assertEquals(Optional.of("redis-secret-6"), redis.password().map(Secret::reveal));
        assertEquals("redis.internal:1992", redis.location());
        assertEquals(Map.of("gpt-4o", List.of("claude-sonnet")), config.routerSettings().fallbacks().fallbacks());

        LitellmSettings litellm = config.litellmSettings();
        assertTrue(litellm.dropParams());
        assertEquals(List.of("langfuse", "sentry", "prometheus"), litellm.callbacks());
        assertTrue(litellm.cacheEnabled());
        assertEquals("redis", litellm.cacheType());
        assertEquals(Optional.of("redis.internal"), litellm.cacheParams().string("host"));
        assertEquals(Optional.of("redis-secret-6"), litellm.cacheParams().secret("password").map(Secret::reveal));
        assertEquals(Optional.of(Duration.ofSeconds(10)), litellm.requestTimeout());

        GeneralSettings general = config.generalSettings();
        assertEquals(Optional.of("sk-master-secret-5"), general.masterKey().map(Secret::reveal));
        assertEquals(8L * 1024 * 1024, general.maxRequestBodyBytes());

        assertEquals(List.of(
                        "router_settings.model_group_alias is not supported yet and is ignored",
                        "litellm_settings.set_verbose is not supported yet and is ignored",
                        "general_settings.alerting is not supported yet and is ignored"),
                config.warnings());
    }

    @Test
    void loadsAMinimalConfig()
    {
        GatewayConfig config = ConfigLoader.load(Configs.resource("minimal.yaml"), Map.of());

        ModelDeployment only = config.modelList().getFirst();
        assertEquals("gpt-3.5-turbo", only.modelName());
        assertEquals("openai", only.provider());
        assertEquals("gpt-3.5-turbo", only.model());
        assertTrue(only.id().matches("[0-9a-f]{16}"), only.id());
        assertEquals(RouterSettings.DEFAULT_ROUTING_STRATEGY, config.routerSettings().routingStrategy());
        assertEquals(0, config.routerSettings().numRetries());
        assertFalse(config.litellmSettings().cacheEnabled());
        assertEquals(Optional.empty(), config.generalSettings().masterKey());
        assertEquals(GeneralSettings.DEFAULT_MAX_REQUEST_BODY_BYTES, config.generalSettings().maxRequestBodyBytes());
        assertEquals(List.of(), config.warnings());
    }
}
