package io.junction.plugins.providers.ollama;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code ollama} provider: {@code ollama_chat/<model>} (Ollama's {@code /api/chat}, what LiteLLM recommends) and
 * {@code ollama/<model>} ({@code /api/generate}, with the messages flattened into one prompt as LiteLLM does).
 * <p>
 * {@code litellm_params}: {@code api_base} (default {@code http://localhost:11434}, else {@code OLLAMA_API_BASE}),
 * {@code api_key} (else {@code OLLAMA_API_KEY}; sent as a bearer token, none when absent), {@code keep_alive},
 * Ollama's own options ({@code num_ctx}, {@code top_k}, {@code repeat_penalty}...), {@code extra_headers},
 * {@code drop_params}, {@code additional_drop_params}.
 */
public final class OllamaAdapterFactory
        extends DeclaredAdapterFactory
{
    public static final String NAME = "ollama";
    static final String GENERATE_PREFIX = "ollama";
    static final String CHAT_PREFIX = "ollama_chat";

    private final Function<String, String> environment;
    private final Supplier<UUID> ids;

    public OllamaAdapterFactory()
    {
        this(System::getenv, UUID::randomUUID);
    }

    /**
     * @param environment the process environment, read for {@code OLLAMA_API_BASE} and {@code OLLAMA_API_KEY}
     * @param ids the source of completion and tool-call ids, which Ollama does not give
     */
    OllamaAdapterFactory(Function<String, String> environment, Supplier<UUID> ids)
    {
        super(NAME, Set.of(GENERATE_PREFIX, CHAT_PREFIX), Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), Set.of("api_key"));
        this.environment = Objects.requireNonNull(environment, "environment is null");
        this.ids = Objects.requireNonNull(ids, "ids is null");
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new OllamaAdapter(deployment, context, OllamaSettings.from(deployment, environment), ids);
    }
}
