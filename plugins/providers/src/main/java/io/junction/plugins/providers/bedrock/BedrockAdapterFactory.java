package io.junction.plugins.providers.bedrock;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code bedrock} provider: models on Amazon Bedrock through the Converse API ({@code bedrock/<model id>}, or
 * LiteLLM's {@code bedrock/converse/<model id>}), and Titan and Cohere embeddings.
 * <p>
 * {@code litellm_params}: {@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token},
 * {@code aws_region_name} (else {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 * {@code AWS_REGION_NAME} / {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} from the environment), or {@code api_key}
 * (a Bedrock API key, else {@code AWS_BEARER_TOKEN_BEDROCK}); {@code api_base} or
 * {@code aws_bedrock_runtime_endpoint} to reach another endpoint.
 */
public final class BedrockAdapterFactory
        extends DeclaredAdapterFactory
{
    public static final String NAME = "bedrock";

    private final Function<String, String> environment;

    public BedrockAdapterFactory()
    {
        this(System::getenv);
    }

    /**
     * @param environment where the {@code AWS_*} fallbacks are read, a map in tests
     */
    BedrockAdapterFactory(Function<String, String> environment)
    {
        // the secret keys are what LiteLLM masks of a Bedrock deployment: every credential, the access key id included
        super(NAME, Set.of(NAME), Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS),
                Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_web_identity_token", "api_key"));
        this.environment = environment;
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new BedrockAdapter(deployment, context, environment, UUID::randomUUID);
    }
}
