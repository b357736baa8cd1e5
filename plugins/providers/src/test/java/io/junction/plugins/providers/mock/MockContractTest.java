package io.junction.plugins.providers.mock;

import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mock adapter against the TCK's provider contract. It answers by itself, so it has no native format to script
 * and does not declare {@link ProviderCapability#UPSTREAM_HTTP}: the kit reports the format rules (P1 to P14) and the
 * transport rules (P15, P16) as not applicable, and runs the rest. MockAdapterTest covers what the mock answers.
 */
class MockContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        return new MockAdapterFactory();
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.empty();
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.COMPLETIONS, ProviderCapability.EMBEDDINGS);
    }

    /** A mock takes no base and no key: LiteLLM's mock_response is all it needs. */
    @Override
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        return Map.of("mock_response", "The magic words are squeamish ossifrage.");
    }
}
