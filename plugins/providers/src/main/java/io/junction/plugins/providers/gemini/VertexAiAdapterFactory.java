package io.junction.plugins.providers.gemini;

import io.junction.spi.ConfigException;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
        implements ProviderAdapterFactory
{
    public static final String NAME = "vertex_ai";
    private static final List<String> PARTNER_MODEL_PREFIXES = List.of("claude", "llama", "meta/", "mistral", "codestral",
            "jamba", "deepseek", "qwen", "openai/");

    private final UnaryOperator<String> environment;
    private final Supplier<UUID> uuids;

    public VertexAiAdapterFactory()
    {
        this(System::getenv, UUID::randomUUID);
    }

    /**
     * @param environment reads an environment variable (null when unset), for the fallbacks LiteLLM has
     * @param uuids the source of tool-call and completion ids
     */
    VertexAiAdapterFactory(UnaryOperator<String> environment, Supplier<UUID> uuids)
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
        return Set.of("api_key", "vertex_credentials", "vertex_ai_credentials");
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        String model = deployment.model().toLowerCase(Locale.ROOT);
        if (PARTNER_MODEL_PREFIXES.stream().anyMatch(model::startsWith)) {
            String key = deployment.params().keyPath("model");
            throw new ConfigException(key, "names the partner model '" + deployment.model() + "', which the vertex_ai adapter "
                    + "does not serve yet (it serves Google's Gemini and embedding models). Fix: use the partner's own "
                    + "provider prefix (e.g. anthropic/) or a Gemini model.");
        }
        return new GeminiAdapter(deployment, context, VertexAiApi.from(deployment, context, environment), uuids);
    }
}
