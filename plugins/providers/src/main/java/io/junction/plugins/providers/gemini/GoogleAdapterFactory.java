package io.junction.plugins.providers.gemini;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the two Google providers share: the same {@link GeminiAdapter} for chat and embeddings, reached through a
 * different {@link GeminiApi} (Google AI Studio with an API key, Vertex AI with a service account).
 */
abstract sealed class GoogleAdapterFactory
        extends DeclaredAdapterFactory
        permits GeminiAdapterFactory, VertexAiAdapterFactory
{
    private final UnaryOperator<String> environment;
    private final Supplier<UUID> uuids;

    /**
     * @param environment reads an environment variable (null when unset), for the fallbacks LiteLLM has
     * @param uuids the source of tool-call and completion ids
     */
    GoogleAdapterFactory(String name, Set<String> secretKeys, UnaryOperator<String> environment, Supplier<UUID> uuids)
    {
        super(name, Set.of(name), Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), secretKeys);
        this.environment = Objects.requireNonNull(environment, "environment is null");
        this.uuids = Objects.requireNonNull(uuids, "uuids is null");
    }

    @Override
    public final ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new GeminiAdapter(deployment, context, api(deployment, context, environment), uuids);
    }

    /**
     * Where and how the deployment reaches Gemini.
     *
     * @throws io.junction.spi.ConfigException when the deployment's {@code litellm_params} cannot work
     */
    abstract GeminiApi api(DeploymentSpec deployment, ProviderContext context, UnaryOperator<String> environment);
}
