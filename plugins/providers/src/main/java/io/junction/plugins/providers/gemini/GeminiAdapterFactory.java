package io.junction.plugins.providers.gemini;

import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderContext;

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
        extends GoogleAdapterFactory
{
    public static final String NAME = "gemini";

    public GeminiAdapterFactory()
    {
        this(System::getenv, UUID::randomUUID);
    }

    /** See {@link GoogleAdapterFactory} for the parameters. */
    GeminiAdapterFactory(UnaryOperator<String> environment, Supplier<UUID> uuids)
    {
        super(NAME, Set.of("api_key"), environment, uuids);
    }

    @Override
    GeminiApi api(DeploymentSpec deployment, ProviderContext context, UnaryOperator<String> environment)
    {
        return GoogleAiStudioApi.from(deployment, environment);
    }
}
