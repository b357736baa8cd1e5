package io.junction.plugins.providers.gemini;

import io.junction.spi.ConfigException;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The {@code vertex_ai} provider: Google's own models on Vertex AI ({@code vertex_ai/gemini-2.5-pro},
 * {@code vertex_ai/text-embedding-005}), authorised by a service account. See {@link VertexAiApi} for the
 * {@code litellm_params}. Partner models LiteLLM also reaches under this prefix (Claude, Llama, Mistral on Vertex)
 * speak other formats and are refused when the deployment is created.
 */
public final class VertexAiAdapterFactory
        extends GoogleAdapterFactory
{
    public static final String NAME = "vertex_ai";
    private static final List<String> PARTNER_MODEL_PREFIXES = List.of("claude", "llama", "meta/", "mistral", "codestral",
            "jamba", "deepseek", "qwen", "openai/");

    public VertexAiAdapterFactory()
    {
        this(System::getenv, UUID::randomUUID);
    }

    /** See {@link GoogleAdapterFactory} for the parameters. */
    VertexAiAdapterFactory(UnaryOperator<String> environment, Supplier<UUID> uuids)
    {
        super(NAME, Set.of("api_key", "vertex_credentials", "vertex_ai_credentials"), environment, uuids);
    }

    @Override
    GeminiApi api(DeploymentSpec deployment, ProviderContext context, UnaryOperator<String> environment)
    {
        String model = deployment.model().toLowerCase(Locale.ROOT);
        if (PARTNER_MODEL_PREFIXES.stream().anyMatch(model::startsWith)) {
            String key = deployment.params().keyPath("model");
            throw new ConfigException(key, "names the partner model '" + deployment.model() + "', which the vertex_ai adapter "
                    + "does not serve yet (it serves Google's Gemini and embedding models). Fix: use the partner's own "
                    + "provider prefix (e.g. anthropic/) or a Gemini model.");
        }
        return VertexAiApi.from(deployment, context, environment);
    }
}
