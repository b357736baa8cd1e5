package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import io.junction.spi.Secret;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.junction.kernel.config.Configs.parse;
import static io.junction.kernel.config.Configs.parseFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** os.environ/NAME values and the environment_variables section. */
class EnvironmentReferenceTest
{
    @Test
    void resolvesReferencesAtAnyDepth()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      api_key: os.environ/OPENAI_API_KEY
                      rpm: os.environ/OPENAI_RPM
                      extra_headers:
                        X-Team: os.environ/TEAM
                        nested:
                          deeper: [plain, os.environ/TEAM, {inner: os.environ/TEAM}]
                litellm_settings:
                  success_callback: ["langfuse", "os.environ/EXTRA_CALLBACK"]
                  cache_params:
                    type: redis
                    host: os.environ/REDIS_HOST
                """, Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_RPM", "120", "TEAM", "search", "EXTRA_CALLBACK", "otel", "REDIS_HOST", "redis.local"));

        ModelDeployment deployment = config.modelList().getFirst();
        assertEquals(Optional.of("sk-1"), deployment.litellmParams().secret("api_key").map(Secret::reveal));
        assertEquals(OptionalLong.of(120), deployment.rpm(), "a number from the environment arrives as text");
        Map<?, ?> headers = (Map<?, ?>) deployment.litellmParams().asMap().get("extra_headers");
        assertEquals("search", headers.get("X-Team"));
        assertEquals(List.of("plain", "search", Map.of("inner", "search")), ((Map<?, ?>) headers.get("nested")).get("deeper"));
        assertEquals(List.of("langfuse", "otel"), config.litellmSettings().callbacks());
        assertEquals(Optional.of("redis.local"), config.litellmSettings().cacheParams().string("host"));
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void environmentVariablesSectionTakesPrecedenceOverTheProcessEnvironment()
    {
        GatewayConfig config = parse("""
                environment_variables:
                  OPENAI_API_KEY: sk-from-config
                  COPIED: os.environ/FROM_PROCESS
                  REDIS_PASSWORD:
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      api_key: os.environ/OPENAI_API_KEY
                      organization: os.environ/COPIED
                      api_base: os.environ/ONLY_IN_PROCESS
                litellm_settings:
                  cache_params:
                    password: os.environ/REDIS_PASSWORD
                """, Map.of("OPENAI_API_KEY", "sk-from-process", "FROM_PROCESS", "org-7", "ONLY_IN_PROCESS", "http://upstream", "REDIS_PASSWORD", "pw"));

        var params = config.modelList().getFirst().litellmParams();
        assertEquals(Optional.of("sk-from-config"), params.secret("api_key").map(Secret::reveal));
        assertEquals(Optional.of("org-7"), params.string("organization"));
        assertEquals(Optional.of("http://upstream"), params.string("api_base"));
        assertEquals(Optional.of("pw"), config.litellmSettings().cacheParams().secret("password").map(Secret::reveal),
                "an empty environment_variables entry leaves the process value in place");
    }

    @Test
    void missingVariableLeavesTheValueAbsentWithAWarningNamingKeyAndVariable()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      api_key: os.environ/OPENAI_API_KEY
                      fallback_keys: [os.environ/SPARE_KEY]
                    model_info:
                      owner: os.environ/OWNER
                """);

        var params = config.modelList().getFirst().litellmParams();
        assertFalse(params.has("api_key"));
        assertEquals(Optional.empty(), params.secret("api_key"));
        assertEquals(Arrays.asList((Object) null), params.asMap().get("fallback_keys"));
        assertEquals(Map.of(), config.modelList().getFirst().modelInfo(), "an absent value is left out of model_info");
        assertEquals(List.of(
                        "model_list[0].litellm_params.api_key refers to the environment variable OPENAI_API_KEY (os.environ/OPENAI_API_KEY), which is not set; the value is left empty",
                        "model_list[0].litellm_params.fallback_keys[0] refers to the environment variable SPARE_KEY (os.environ/SPARE_KEY), which is not set; the value is left empty",
                        "model_list[0].model_info.owner refers to the environment variable OWNER (os.environ/OWNER), which is not set; the value is left empty"),
                config.warnings());
    }

    @Test
    void missingVariableUnderAnIgnoredKeyIsWarnedAboutOnce()
    {
        GatewayConfig config = parse("""
                router_settings:
                  model_group_alias: os.environ/GROUP_ALIASES
                """);

        assertEquals(List.of("router_settings.model_group_alias is not supported yet and is ignored"), config.warnings());
        assertNull(config.routerSettings().raw().asMap().get("model_group_alias"));
    }

    @Test
    void missingMasterKeyVariableStopsStartup()
    {
        ConfigException error = parseFails("""
                general_settings:
                  master_key: os.environ/LITELLM_MASTER_KEY
                """, Map.of("OTHER", "x"));

        assertEquals("general_settings.master_key", error.key());
        assertTrue(error.getMessage().contains("LITELLM_MASTER_KEY"), error.getMessage());
        assertTrue(error.getMessage().contains("not set"), error.getMessage());
        assertTrue(error.getMessage().contains("Fix: set LITELLM_MASTER_KEY"), error.getMessage());
    }

    @Test
    void masterKeyFromTheEnvironmentVariablesSection()
    {
        GatewayConfig config = parse("""
                environment_variables:
                  LITELLM_MASTER_KEY: sk-in-file
                general_settings:
                  master_key: os.environ/LITELLM_MASTER_KEY
                """);

        assertEquals(Optional.of("sk-in-file"), config.generalSettings().masterKey().map(Secret::reveal));
    }

    @Test
    void emptyMasterKeyFromTheEnvironmentStopsStartup()
    {
        ConfigException error = parseFails("""
                general_settings:
                  master_key: os.environ/LITELLM_MASTER_KEY
                """, Map.of("LITELLM_MASTER_KEY", ""));

        assertEquals("general_settings.master_key: is empty. Fix: write master_key: os.environ/LITELLM_MASTER_KEY (a long random value such as sk-...), "
                + "or remove the line to run without authentication.", error.getMessage());
    }

    @Test
    void referenceWithoutAVariableNameIsAnError()
    {
        ConfigException error = parseFails("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      api_key: os.environ/
                """);

        assertEquals("model_list[0].litellm_params.api_key: is 'os.environ/' without a variable name. "
                + "Fix: write os.environ/NAME, e.g. os.environ/OPENAI_API_KEY.", error.getMessage());
    }

    @Test
    void environmentVariablesMustBeAMappingOfPlainValues()
    {
        assertEquals("environment_variables", parseFails("environment_variables: [A, B]").key());
        ConfigException nested = parseFails("""
                environment_variables:
                  REDIS: {host: localhost}
                """);
        assertEquals("environment_variables.REDIS: expected a single value but found a mapping. Fix: write REDIS: value.", nested.getMessage());
    }
}
