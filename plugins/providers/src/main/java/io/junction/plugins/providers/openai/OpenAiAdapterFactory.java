package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Set;

/**
 * The {@code openai} provider: OpenAI itself and every server LiteLLM reaches through the same OpenAI client, which
 * differ only by their default {@code api_base} (Groq, Together, DeepSeek, Mistral, OpenRouter, Fireworks, vLLM).
 * <p>
 * {@code litellm_params}: {@code api_base} (ends in {@code /v1}, as in LiteLLM), {@code api_key} (sent as a bearer
 * token; none is sent when absent), {@code organization}, {@code extra_headers} (a mapping),
 * {@code supports_stream_options} (whether the server takes {@code stream_options}; default true but for Mistral),
 * {@code drop_params}, {@code additional_drop_params}.
 */
public final class OpenAiAdapterFactory
        extends DeclaredAdapterFactory
{
    public static final String NAME = "openai";

    public OpenAiAdapterFactory()
    {
        super(NAME, OpenAiSettings.DEFAULT_API_BASES.keySet(), Set.of(Endpoint.values()), Set.of("api_key"));
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new OpenAiAdapter(OpenAiSettings.from(deployment), deployment, context);
    }
}
