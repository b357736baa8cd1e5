package io.junction.plugins.providers.azure;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.plugins.providers.openai.OpenAiAdapter;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code azure} provider: Azure OpenAI deployments ({@code azure/<deployment>}). Azure speaks OpenAI's wire
 * format at its own URLs and with its own auth header, so the openai pass-through serves it.
 * <p>
 * {@code litellm_params}: {@code api_base} (the resource endpoint, {@code https://<resource>.openai.azure.com};
 * else {@code AZURE_API_BASE}), {@code api_version} (else {@code AZURE_API_VERSION}, else
 * {@value AzureSettings#DEFAULT_API_VERSION}), {@code api_key} (else {@code AZURE_OPENAI_API_KEY} or
 * {@code AZURE_API_KEY}; sent as {@code api-key}) or {@code azure_ad_token} (else {@code AZURE_AD_TOKEN}; sent as a
 * bearer token), {@code extra_headers}, {@code supports_stream_options}, {@code drop_params},
 * {@code additional_drop_params}.
 */
public final class AzureAdapterFactory
        extends DeclaredAdapterFactory
{
    public static final String NAME = "azure";

    private final Function<String, String> environment;

    public AzureAdapterFactory()
    {
        this(System::getenv);
    }

    /** @param environment the process environment, read for LiteLLM's {@code AZURE_*} fallbacks */
    AzureAdapterFactory(Function<String, String> environment)
    {
        super(NAME, Set.of(NAME), Set.of(Endpoint.values()), Set.of("api_key", "azure_ad_token"));
        this.environment = Objects.requireNonNull(environment, "environment is null");
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new OpenAiAdapter(AzureSettings.from(deployment, environment), deployment, context);
    }
}
