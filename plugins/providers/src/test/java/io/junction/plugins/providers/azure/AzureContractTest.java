package io.junction.plugins.providers.azure;

import io.junction.plugins.providers.openai.OpenAiScript;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.junction.plugins.providers.JsonText.quote;

/** The azure adapter against the TCK's provider contract, Azure OpenAI answering as its REST reference shows. */
class AzureContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        // no environment: the AZURE_* fallbacks must not stand in for what the kit configures
        return new AzureAdapterFactory(name -> null);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new AzureScript());
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.allOf(ProviderCapability.class);
    }

    @Override
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        return Map.of("api_base", fakeBase.toString(), "api_key", apiKey, "api_version", "2024-10-21");
    }

    @Override
    protected Set<String> requiredParams()
    {
        return Set.of("api_base", "api_key");
    }

    /** OpenAI's format, with Azure's own errors and the prompt-filter chunk that opens its streams. */
    private static final class AzureScript
            extends OpenAiScript
    {
        @Override
        protected List<String> streamPrologue()
        {
            return List.of("{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\","
                    + "\"prompt_filter_results\":[{\"prompt_index\":0,"
                    + "\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"self_harm\":{\"filtered\":false,"
                    + "\"severity\":\"safe\"},\"sexual\":{\"filtered\":false,\"severity\":\"safe\"},\"violence\":{\"filtered\":false,\"severity\":\"safe\"}}}]}");
        }

        @Override
        public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
        {
            NativeResponse error = switch (kind) {
                case RATE_LIMITED -> azureError(429, "429", message);
                case AUTHENTICATION -> azureError(401, "401", message);
                case UPSTREAM_SERVER -> azureError(500, "InternalServerError", message);
                default -> azureError(400, "BadRequest", message);
            };
            return retryAfter.map(wait -> error.withHeader("retry-after", Long.toString(wait.toSeconds()))
                    .withHeader("retry-after-ms", Long.toString(wait.toMillis()))).orElse(error);
        }

        private static NativeResponse azureError(int status, String code, String message)
        {
            return NativeResponse.json(status, "{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}}");
        }
    }
}
