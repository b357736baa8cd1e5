package io.junction.plugins.providers.anthropic;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@code anthropic} provider: Anthropic's Messages API behind OpenAI's {@code /chat/completions}, translated
 * both ways as LiteLLM does it. Anthropic has no embeddings or text completions, so only chat is declared.
 * <p>
 * {@code litellm_params}: {@code api_key} (else the {@code ANTHROPIC_API_KEY} environment variable; one is required),
 * {@code api_base} (default {@code https://api.anthropic.com}, else {@code ANTHROPIC_API_BASE} or
 * {@code ANTHROPIC_BASE_URL}), {@code max_tokens} (the default when a request gives none; 4096 as in LiteLLM),
 * {@code extra_headers} (a mapping, e.g. {@code anthropic-beta}).
 */
public final class AnthropicAdapterFactory
        extends DeclaredAdapterFactory
{
    public static final String NAME = "anthropic";

    private final UnaryOperator<String> environment;

    public AnthropicAdapterFactory()
    {
        this(System::getenv);
    }

    /** @param environment reads an environment variable, null when unset; tests pass their own */
    AnthropicAdapterFactory(UnaryOperator<String> environment)
    {
        super(NAME, Set.of(NAME), Set.of(Endpoint.CHAT_COMPLETIONS), Set.of("api_key"));
        this.environment = Objects.requireNonNull(environment, "environment is null");
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new AnthropicAdapter(deployment, context, AnthropicSettings.from(deployment, environment));
    }
}
