package io.junction.plugins.providers.ollama;

import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The ollama adapter's {@code ollama/} models ({@code /api/generate}, the messages flattened into one prompt) against
 * the TCK's provider contract: the same as {@code ollama_chat/} but without tools, which {@code /api/generate} lacks.
 */
class OllamaGenerateContractTest
        extends OllamaChatContractTest
{
    @Override
    protected String provider()
    {
        return OllamaAdapterFactory.GENERATE_PREFIX;
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(OllamaScript.generate());
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.EMBEDDINGS, ProviderCapability.UPSTREAM_HTTP);
    }
}
