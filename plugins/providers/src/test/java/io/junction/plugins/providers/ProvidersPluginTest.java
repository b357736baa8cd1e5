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
    void providesTheOpenAiAndMockAdapters()
    {
        JunctionPlugin plugin = new ProvidersPlugin();

        Map<String, ProviderAdapterFactory> factories = plugin.providerAdapterFactories().stream()
                .collect(Collectors.toMap(ProviderAdapterFactory::name, Function.identity()));

        assertEquals(Set.of("openai", "mock"), factories.keySet());
        ProviderAdapterFactory openai = factories.get("openai");
        assertEquals(Set.of("openai", "text-completion-openai", "groq", "together_ai", "deepseek", "mistral", "openrouter",
                "fireworks_ai", "hosted_vllm"), openai.modelPrefixes());
        assertEquals(Set.of(Endpoint.values()), openai.endpoints());
        assertTrue(openai.streams());
        assertEquals(Set.of("api_key"), openai.secretKeys());

        ProviderAdapterFactory mock = factories.get("mock");
        assertEquals(Set.of("mock"), mock.modelPrefixes());
        assertEquals(Set.of(Endpoint.values()), mock.endpoints());
        assertTrue(mock.streams());
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
