package io.junction.plugins.providers.gemini;

import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The gemini adapter (Google AI Studio) against the TCK's provider contract. */
class GeminiContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        // no environment: GEMINI_API_KEY must not stand in for the key the kit configures
        return new GeminiAdapterFactory(name -> null, UUID::randomUUID);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new GeminiScript());
    }

    /** No text completions; the wait of a rate-limited call comes in Google's RetryInfo. */
    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.EMBEDDINGS, ProviderCapability.TOOLS,
                ProviderCapability.RETRY_AFTER, ProviderCapability.UPSTREAM_HTTP);
    }

    @Override
    protected String upstreamModel()
    {
        return "gemini-2.5-flash";
    }

    @Override
    protected Set<String> requiredParams()
    {
        return Set.of("api_key");
    }
}
