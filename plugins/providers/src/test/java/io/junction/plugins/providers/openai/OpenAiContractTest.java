package io.junction.plugins.providers.openai;

import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The openai adapter against the TCK's provider contract: every capability, OpenAI's own format passed through. */
class OpenAiContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        return new OpenAiAdapterFactory();
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new OpenAiScript());
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.allOf(ProviderCapability.class);
    }

    /** The factory serves many OpenAI-compatible prefixes; the kit's default, the first alphabetically, is deepseek. */
    @Override
    protected String provider()
    {
        return OpenAiAdapterFactory.NAME;
    }

    @Override
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        // LiteLLM's api_base for OpenAI ends in /v1
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("api_base", fakeBase + "/v1");
        params.put("api_key", apiKey);
        return params;
    }
}
