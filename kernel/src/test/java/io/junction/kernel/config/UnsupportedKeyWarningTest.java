package io.junction.kernel.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.junction.kernel.config.Configs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One warning per key Junction does not read: "not supported yet" for LiteLLM's keys, "unknown key" otherwise. */
class UnsupportedKeyWarningTest
{
    @Test
    void liteLlmKeysAreNotSupportedYetOthersAreUnknown()
    {
        GatewayConfig config = parse("""
                include:
                  - model_config.yaml
                server_settings:
                  port: 7860
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                    modle_info: {id: x}
                router_settings:
                  routing_strategy: simple-shuffle
                  redis_host: localhost
                  cooldown_time: 30
                  fallbacks: [{"gpt-4o": ["claude"]}]
                  model_group_alias: {"gpt-4": "gpt-4o"}
                  rooting_strategy: least-busy
                  my_own_setting: 1
                litellm_settings:
                  drop_params: true
                  set_verbose: true
                  json_logs: true
                  max_budget: 100
                  drop_param: true
                general_settings:
                  master_key: sk-1234
                  database_url: postgresql://user:pw@db/litellm
                  store_model_in_db: true
                  mastr_key: sk-typo
                """);

        assertEquals(List.of(
                        "include is not supported yet and is ignored",
                        "server_settings is an unknown key (typo?) and is ignored",
                        "model_list[0].modle_info is an unknown key (typo?) and is ignored; did you mean model_info?",
                        "router_settings.model_group_alias is not supported yet and is ignored",
                        "router_settings.rooting_strategy is an unknown key (typo?) and is ignored; did you mean routing_strategy?",
                        "router_settings.my_own_setting is an unknown key (typo?) and is ignored",
                        "litellm_settings.set_verbose is not supported yet and is ignored",
                        "litellm_settings.json_logs is not supported yet and is ignored",
                        "litellm_settings.max_budget is not supported yet and is ignored",
                        "litellm_settings.drop_param is an unknown key (typo?) and is ignored; did you mean drop_params?",
                        "general_settings.database_url is not supported yet and is ignored",
                        "general_settings.store_model_in_db is not supported yet and is ignored",
                        "general_settings.mastr_key is an unknown key (typo?) and is ignored; did you mean master_key?",
                        "router_settings: the fallback model group 'claude' is not a model_name of any model_list entry; it is skipped"),
                config.warnings());
    }

    @Test
    void supportedKeysAndNestedParamsProduceNoWarnings()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o, anything: 1}
                    model_info: {whatever: 2}
                    rpm: 10
                    tpm: 1000
                router_settings: {routing_strategy: least-busy, num_retries: 1, timeout: 5}
                litellm_settings:
                  drop_params: true
                  callbacks: [a]
                  success_callback: [b]
                  failure_callback: [c]
                  cache: true
                  cache_params: {type: redis, some_cache_option: 1}
                  request_timeout: 10
                  num_retries: 2
                general_settings: {master_key: sk-1, max_request_size_mb: 4}
                environment_variables: {ANY_NAME: x}
                """);

        assertEquals(List.of(), config.warnings());
    }
}
