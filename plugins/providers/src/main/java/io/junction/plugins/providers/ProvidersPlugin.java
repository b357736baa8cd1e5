package io.junction.plugins.providers;

import io.junction.plugins.providers.anthropic.AnthropicAdapterFactory;
import io.junction.plugins.providers.azure.AzureAdapterFactory;
import io.junction.plugins.providers.bedrock.BedrockAdapterFactory;
import io.junction.plugins.providers.gemini.GeminiAdapterFactory;
import io.junction.plugins.providers.gemini.VertexAiAdapterFactory;
import io.junction.plugins.providers.mock.MockAdapterFactory;
import io.junction.plugins.providers.ollama.OllamaAdapterFactory;
import io.junction.plugins.providers.openai.OpenAiAdapterFactory;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.provider.ProviderAdapterFactory;

import java.util.List;

/** The plugin of our own provider adapters: {@code openai} (and OpenAI-compatible servers) and {@code mock}. */
public final class ProvidersPlugin
        implements JunctionPlugin
{
    public ProvidersPlugin() {}

    @Override
    public List<ProviderAdapterFactory> providerAdapterFactories()
    {
        return List.of(new OpenAiAdapterFactory(), new MockAdapterFactory(), new GeminiAdapterFactory(), new VertexAiAdapterFactory(),
                new AzureAdapterFactory(), new OllamaAdapterFactory(), new AnthropicAdapterFactory(),
                new BedrockAdapterFactory());
    }
}
