package io.junction.plugins.providers;

import io.junction.spi.JunctionPlugin;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapterFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersPluginTest
{
    @Test
    void providesAnAdapterForEachProviderFamily()
    {
        Map<String, ProviderAdapterFactory> factories = factories();

        assertEquals(Set.of("openai", "mock", "azure", "anthropic", "gemini", "vertex_ai", "bedrock", "ollama"), factories.keySet());
        assertEquals(Set.of("openai", "text-completion-openai", "groq", "together_ai", "deepseek", "mistral", "openrouter",
                "fireworks_ai", "hosted_vllm"), factories.get("openai").modelPrefixes());
        assertEquals(Set.of("ollama", "ollama_chat"), factories.get("ollama").modelPrefixes());
        factories.forEach((name, factory) -> assertTrue(factory.streams(), name + " streams"));
    }

    @Test
    void eachProviderServesTheEndpointsItsApiHas()
    {
        Map<String, ProviderAdapterFactory> factories = factories();

        assertEquals(Set.of(Endpoint.values()), factories.get("openai").endpoints());
        assertEquals(Set.of(Endpoint.values()), factories.get("mock").endpoints());
        assertEquals(Set.of(Endpoint.values()), factories.get("azure").endpoints());
        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS), factories.get("anthropic").endpoints(), "Anthropic has no embeddings API");
        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), factories.get("gemini").endpoints());
        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), factories.get("vertex_ai").endpoints());
        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), factories.get("bedrock").endpoints());
    }

    @Test
    void everyCredentialKeyIsDeclaredSecret()
    {
        Map<String, ProviderAdapterFactory> factories = factories();

        factories.forEach((name, factory) -> assertTrue(factory.secretKeys().contains("api_key"), name + " masks api_key"));
        assertTrue(factories.get("azure").secretKeys().contains("azure_ad_token"));
        assertTrue(factories.get("vertex_ai").secretKeys().contains("vertex_credentials"));
        assertTrue(factories.get("bedrock").secretKeys().containsAll(Set.of("aws_secret_access_key", "aws_session_token")));
    }

    private static Map<String, ProviderAdapterFactory> factories()
    {
        return new ProvidersPlugin().providerAdapterFactories().stream()
                .collect(Collectors.toMap(ProviderAdapterFactory::name, Function.identity()));
    }

    @Test
    void providesNothingElse()
    {
        JunctionPlugin plugin = new ProvidersPlugin();

        assertEquals(List.of(), plugin.routingStrategyFactories());
        assertEquals(List.of(), plugin.cacheFactories());
        assertEquals(List.of(), plugin.callbackFactories());
    }
}
