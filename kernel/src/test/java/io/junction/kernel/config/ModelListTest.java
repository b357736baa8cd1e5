package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static io.junction.kernel.config.Configs.parse;
import static io.junction.kernel.config.Configs.parseFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** model_list entries: provider, quotas, costs and ids. */
class ModelListTest
{
    @ParameterizedTest
    @CsvSource({
            "openai/gpt-4o, openai, gpt-4o",
            "azure/my-deploy, azure, my-deploy",
            "gpt-4o, openai, gpt-4o",
            "openai/facebook/opt-125m, openai, facebook/opt-125m",
            "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0, bedrock, anthropic.claude-3-5-sonnet-20240620-v1:0",
            "'*', openai, '*'"})
    void splitsProviderFromModelAtTheFirstSlash(String model, String provider, String upstreamModel)
    {
        ModelDeployment deployment = single("model: \"" + model + "\"");

        assertEquals(provider, deployment.provider());
        assertEquals(upstreamModel, deployment.model());
    }

    @Test
    void mockResponseMakesTheProviderMock()
    {
        ModelDeployment deployment = single("""
                model: anthropic/claude-sonnet-4
                mock_response: "It's simple to use and easy to get started"
                """);

        assertEquals("mock", deployment.provider());
        assertEquals("claude-sonnet-4", deployment.model());
    }

    @Test
    void readsQuotasWeightTimeoutsAndCosts()
    {
        ModelDeployment deployment = single("""
                model: openai/gpt-4o
                rpm: 60
                tpm: "100000"
                weight: 0.5
                timeout: 2.5
                stream_timeout: 120
                input_cost_per_token: 0.0000025
                """);

        assertEquals(OptionalLong.of(60), deployment.rpm());
        assertEquals(OptionalLong.of(100000), deployment.tpm());
        assertEquals(OptionalDouble.of(0.5), deployment.weight());
        assertEquals(Optional.of(Duration.ofMillis(2500)), deployment.timeout());
        assertEquals(Optional.of(Duration.ofSeconds(120)), deployment.streamTimeout());
        assertEquals(OptionalDouble.of(0.0000025), deployment.inputCostPerToken());
        assertEquals(OptionalDouble.empty(), deployment.outputCostPerToken());
    }

    @Test
    void costsInLitellmParamsWinOverModelInfo()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      input_cost_per_token: 0.000001
                    model_info:
                      input_cost_per_token: 0.000009
                      output_cost_per_token: 0.000004
                """);

        ModelDeployment deployment = config.modelList().getFirst();
        assertEquals(OptionalDouble.of(0.000001), deployment.inputCostPerToken());
        assertEquals(OptionalDouble.of(0.000004), deployment.outputCostPerToken());
    }

    @Test
    void rpmAndTpmNextToLitellmParamsAreReadAsLiteLlmsRouterDoes()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4
                    litellm_params:
                      model: azure/gpt-4
                      tpm: 1000
                    tpm: 100000
                    rpm: 1000
                """);

        ModelDeployment deployment = config.modelList().getFirst();
        assertEquals(OptionalLong.of(1000), deployment.tpm(), "litellm_params first");
        assertEquals(OptionalLong.of(1000), deployment.rpm());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void providerAdaptersGetAllLitellmParamsWithoutWarnings()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: azure/gpt-4o
                      api_version: "2024-10-21"
                      made_up_provider_setting: 7
                    model_info:
                      mode: chat
                      anything_at_all: true
                """);

        assertEquals(Map.of("model", "azure/gpt-4o", "api_version", "2024-10-21", "made_up_provider_setting", 7),
                config.modelList().getFirst().litellmParams().asMap());
        assertEquals("model_list[0].litellm_params", config.modelList().getFirst().litellmParams().path());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void derivedIdsAreStableAndDifferWhenAnyParamDiffers()
    {
        String yaml = """
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: azure/gpt-4o, api_base: "https://eu.example.com", api_key: os.environ/AZURE_KEY}
                  - model_name: gpt-4o
                    litellm_params: {model: azure/gpt-4o, api_base: "https://ca.example.com", api_key: os.environ/AZURE_KEY}
                  - model_name: gpt-4o-copy
                    litellm_params: {model: azure/gpt-4o, api_base: "https://eu.example.com", api_key: os.environ/AZURE_KEY}
                """;
        List<String> ids = parse(yaml, Map.of("AZURE_KEY", "secret-one")).modelList().stream().map(ModelDeployment::id).toList();
        List<String> again = parse(yaml, Map.of("AZURE_KEY", "secret-one")).modelList().stream().map(ModelDeployment::id).toList();
        List<String> rotated = parse(yaml, Map.of("AZURE_KEY", "secret-two")).modelList().stream().map(ModelDeployment::id).toList();

        assertEquals(ids, again);
        assertEquals(ids, rotated, "rotating a key kept in the environment keeps the ids");
        assertEquals(3, ids.stream().distinct().count(), ids.toString());
        ids.forEach(id -> assertTrue(id.matches("[0-9a-f]{16}"), id));
    }

    @Test
    void derivedIdDoesNotDependOnKeyOrder()
    {
        String first = parse("""
                model_list:
                  - model_name: m
                    litellm_params: {model: openai/gpt-4o, api_base: "http://a", rpm: 5}
                """).modelList().getFirst().id();
        String second = parse("""
                model_list:
                  - model_name: m
                    litellm_params: {rpm: 5, api_base: "http://a", model: openai/gpt-4o}
                """).modelList().getFirst().id();
        String literalKey = parse("""
                model_list:
                  - model_name: m
                    litellm_params: {rpm: 5, api_base: "http://a", model: openai/gpt-4o, api_key: sk-literal-secret}
                """).modelList().getFirst().id();

        assertEquals(first, second);
        assertNotEquals(first, literalKey);
        assertFalse(literalKey.contains("sk-literal"));
    }

    @Test
    void explicitIdFromModelInfo()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: primary}
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: 42}
                """);

        assertEquals(List.of("primary", "42"), config.modelList().stream().map(ModelDeployment::id).toList());
    }

    @Test
    void duplicateExplicitIdsAreAnError()
    {
        ConfigException error = parseFails("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: primary}
                  - model_name: claude
                    litellm_params: {model: anthropic/claude-sonnet-4}
                  - model_name: gpt-4o-mini
                    litellm_params: {model: openai/gpt-4o-mini}
                    model_info: {id: primary}
                """);

        assertEquals("model_list[2].model_info.id", error.key());
        assertEquals("model_list[2].model_info.id: 'primary' is already the id of model_list[0]. "
                + "Fix: give every deployment its own model_info.id, or remove it to let Junction derive one.", error.getMessage());
    }

    @Test
    void identicalEntriesKeepDistinctIds()
    {
        GatewayConfig config = parse("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                """);

        String first = config.modelList().get(0).id();
        assertEquals(first + "-2", config.modelList().get(1).id());
        assertEquals(List.of("model_list[1] has the same model_name and litellm_params as model_list[0]; it is kept as a separate deployment with id " + first + "-2"),
                config.warnings());
    }

    @Test
    void emptyModelListStartsAGatewayWithoutModels()
    {
        assertEquals(List.of(), parse("model_list:").modelList());
        assertEquals(List.of(), parse("model_list: []").modelList());
        assertEquals(List.of(), parse("").modelList());
    }

    private static ModelDeployment single(String litellmParams)
    {
        String indented = litellmParams.lines().map(line -> "      " + line).reduce((a, b) -> a + "\n" + b).orElseThrow();
        return parse("model_list:\n  - model_name: test\n    litellm_params:\n" + indented + "\n").modelList().getFirst();
    }
}
