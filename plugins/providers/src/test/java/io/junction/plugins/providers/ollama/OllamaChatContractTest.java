package io.junction.plugins.providers.ollama;

import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The ollama adapter's {@code ollama_chat/} models ({@code /api/chat}) against the TCK's provider contract. */
class OllamaChatContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        // no environment: OLLAMA_API_BASE must not stand in for the fake upstream
        return new OllamaAdapterFactory(name -> null, UUID::randomUUID);
    }

    @Override
    protected String provider()
    {
        return OllamaAdapterFactory.CHAT_PREFIX;
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(OllamaScript.chat());
    }

    /** No text completions; Ollama names no wait when it refuses for load. */
    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.EMBEDDINGS, ProviderCapability.TOOLS,
                ProviderCapability.UPSTREAM_HTTP);
    }

    @Override
    protected String upstreamModel()
    {
        return "llama3.2";
    }
}
