package io.junction.plugins.providers.gemini;

import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The {@code gemini} provider: Gemini models through Google AI Studio ({@code gemini/gemini-2.5-flash}).
 * <p>
 * {@code litellm_params}: {@code api_key} (else {@code GEMINI_API_KEY}; sent as {@code x-goog-api-key}),
 * {@code api_base} (default {@code https://generativelanguage.googleapis.com}), {@code extra_headers}.
 */
public final class GeminiAdapterFactory
        implements ProviderAdapterFactory
{
    public static final String NAME = "gemini";

    private final UnaryOperator<String> environment;
    private final Supplier<UUID> uuids;

    public GeminiAdapterFactory()
    {
        this(System::getenv, UUID::randomUUID);
    }

    /**
     * @param environment reads an environment variable (null when unset), for the fallbacks LiteLLM has
     * @param uuids the source of tool-call and completion ids
     */
    GeminiAdapterFactory(UnaryOperator<String> environment, Supplier<UUID> uuids)
    {
        this.environment = Objects.requireNonNull(environment, "environment is null");
        this.uuids = Objects.requireNonNull(uuids, "uuids is null");
    }

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Set<String> modelPrefixes()
    {
        return Set.of(NAME);
    }

    @Override
    public Set<Endpoint> endpoints()
    {
        return Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS);
    }

    @Override
    public Set<String> secretKeys()
    {
        return Set.of("api_key");
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new GeminiAdapter(deployment, context, GoogleAiStudioApi.from(deployment, environment), uuids);
    }
}
