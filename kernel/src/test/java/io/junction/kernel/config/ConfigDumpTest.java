package io.junction.kernel.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.junction.kernel.config.Configs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The effective config as YAML, with every secret masked. */
class ConfigDumpTest
{
    @Test
    void neverContainsASecretFromTheEnvironment()
    {
        GatewayConfig config = ConfigLoader.load(Configs.resource("litellm-proxy-example.yaml"), LiteLlmExampleConfigTest.ENVIRONMENT);

        String dump = ConfigDump.render(config);

        for (String secret : List.of("azure-eu-secret-1", "azure-ca-secret-2", "sk-ant-secret-3", "sk-openai-secret-4", "sk-master-secret-5", "redis-secret-6")) {
            assertFalse(dump.contains(secret), () -> "dump contains " + secret + ":\n" + dump);
        }
        assertTrue(dump.contains("****"), dump);
        // not secret: still shown
        assertTrue(dump.contains("https://my-endpoint-europe-berri-992.openai.azure.com/"), dump);
        assertTrue(dump.contains("org-from-config"), dump);
    }

    @Test
    void masksSecretKeysAtAnyDepthAndKeepsTheRest()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: bedrock-claude
                    litellm_params:
                      model: bedrock/anthropic.claude-3-sonnet
                      aws_access_key_id: AKIA-LITERAL
                      aws_secret_access_key: os.environ/AWS_SECRET
                      aws_session_token: session-literal
                      input_cost_per_token: 0.000003
                  - model_name: vertex
                    litellm_params:
                      model: vertex_ai/gemini-pro
                      vertex_credentials: {"type": "service_account", "private_key": "-----BEGIN-----"}
                      extra_headers: {x-api-key: header-literal, plugin_token: plugin-literal}
                  - model_name: azure
                    litellm_params:
                      model: azure/gpt-4o
                      api_key: azure-literal
                      azure_ad_token: ad-literal
                      client_secret: client-literal
                      api_base: https://user:url-password@azure.example.com/openai
                litellm_settings:
                  cache: true
                  cache_params: {type: redis, password: cache-literal, host: localhost}
                general_settings:
                  master_key: sk-master-literal
                  database_url: postgresql://llm:db-literal@db:5432/litellm
                  langfuse_key: plugin-declared-literal
                """, Map.of("AWS_SECRET", "aws-secret-from-env"));

        String dump = ConfigDump.render(config, Set.of("langfuse_key"));

        for (String secret : List.of("AKIA-LITERAL", "aws-secret-from-env", "session-literal", "-----BEGIN-----", "ad-literal", "client-literal",
                "azure-literal", "url-password", "cache-literal", "sk-master-literal", "db-literal", "plugin-declared-literal", "plugin-literal")) {
            assertFalse(dump.contains(secret), () -> "dump contains " + secret + ":\n" + dump);
        }
        assertTrue(dump.contains("header-literal"), "x-api-key is no secret key name by default:\n" + dump);

        Map<String, Object> reread = reread(dump);
        Map<?, ?> bedrock = params(reread, 0);
        assertEquals("****", bedrock.get("aws_access_key_id"));
        assertEquals("****", bedrock.get("aws_secret_access_key"));
        assertEquals(0.000003, bedrock.get("input_cost_per_token"), "a price per token is no token");
        assertEquals("****", params(reread, 1).get("vertex_credentials"));
        assertEquals("https://user:****@azure.example.com/openai", params(reread, 2).get("api_base"));
        Map<?, ?> general = (Map<?, ?>) reread.get("general_settings");
        assertEquals("****", general.get("master_key"));
        assertEquals("****", general.get("database_url"));
        assertEquals("****", general.get("langfuse_key"));
        assertEquals(32, general.get("max_request_size_mb"));
    }

    @Test
    void showsIdsDefaultsAndWarnings()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o, timeout: 30}
                    model_info: {mode: chat}
                router_settings:
                  timeout: 1.5
                  model_group_alias: {"gpt-4": "gpt-4o"}
                """);

        String dump = ConfigDump.render(config);

        assertTrue(dump.startsWith("# warning: router_settings.model_group_alias is not supported yet and is ignored\n"), dump);
        Map<String, Object> reread = reread(dump);
        Map<?, ?> deployment = (Map<?, ?>) ((List<?>) reread.get("model_list")).getFirst();
        assertEquals(Map.of("id", config.modelList().getFirst().id(), "mode", "chat"), deployment.get("model_info"));
        Map<?, ?> router = (Map<?, ?>) reread.get("router_settings");
        assertEquals("simple-shuffle", router.get("routing_strategy"));
        assertEquals(0, router.get("num_retries"));
        assertEquals(1.5, router.get("timeout"));
        assertEquals(3, router.get("allowed_fails"));
        assertEquals(5, router.get("cooldown_time"));
        assertEquals(5, router.get("max_fallbacks"));
        assertEquals(false, ((Map<?, ?>) reread.get("litellm_settings")).get("cache"));
    }

    @Test
    void dumpLoadsBackToTheSameDeployments()
    {
        GatewayConfig config = ConfigLoader.load(Configs.resource("litellm-proxy-example.yaml"), LiteLlmExampleConfigTest.ENVIRONMENT);

        GatewayConfig reloaded = ConfigLoader.parse(ConfigDump.render(config), "dump.yaml", Map.of());

        assertEquals(config.modelList().stream().map(ModelDeployment::modelName).toList(), reloaded.modelList().stream().map(ModelDeployment::modelName).toList());
        assertEquals(config.modelList().stream().map(ModelDeployment::provider).toList(), reloaded.modelList().stream().map(ModelDeployment::provider).toList());
        assertEquals(config.routerSettings().routingStrategy(), reloaded.routerSettings().routingStrategy());
        assertEquals(config.litellmSettings().callbacks(), reloaded.litellmSettings().callbacks());
    }

    private static Map<?, ?> params(Map<String, Object> dump, int index)
    {
        return (Map<?, ?>) ((Map<?, ?>) ((List<?>) dump.get("model_list")).get(index)).get("litellm_params");
    }

    private static Map<String, Object> reread(String dump)
    {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(dump);
    }
}
