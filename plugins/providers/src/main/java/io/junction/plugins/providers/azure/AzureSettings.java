package io.junction.plugins.providers.azure;

import io.junction.plugins.providers.common.ExtraHeaders;
import io.junction.plugins.providers.openai.ParameterRules;
import io.junction.plugins.providers.openai.PassThroughTarget;
import io.junction.plugins.providers.openai.UpstreamConfig;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code litellm_params} of an Azure OpenAI deployment, with LiteLLM's environment fallbacks: where each endpoint
 * of the deployment is ({@code {api_base}/openai/deployments/{deployment}/chat/completions?api-version=...}) and how
 * requests authenticate.
 */
final class AzureSettings
{
    /** LiteLLM's {@code AZURE_DEFAULT_API_VERSION}, used when neither {@code api_version} nor the environment says. */
    static final String DEFAULT_API_VERSION = "2025-02-01-preview";

    /**
     * Azure accepts {@code stream_options} from this api-version on (the first to document
     * {@code stream_options.include_usage}); older versions refuse unknown arguments.
     */
    private static final String FIRST_VERSION_WITH_STREAM_OPTIONS = "2024-09-01";
    private static final Pattern DATED_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private AzureSettings() {}

    static PassThroughTarget from(DeploymentSpec deployment, Function<String, String> environment)
    {
        ConfigView params = deployment.params();
        String apiBase = UpstreamConfig.apiBase(params, env(environment, "AZURE_API_BASE"))
                .orElseThrow(() -> new ConfigException(params.keyPath("api_base"), "is required for azure/ models but missing. Fix: set "
                        + params.keyPath("api_base") + " to your resource's endpoint, e.g. https://my-resource.openai.azure.com "
                        + "(or set the AZURE_API_BASE environment variable)."));
        String apiVersion = params.string("api_version").map(String::trim).filter(version -> !version.isEmpty())
                .or(() -> env(environment, "AZURE_API_VERSION"))
                .orElse(DEFAULT_API_VERSION);

        Map<Endpoint, URI> uris = new EnumMap<>(Endpoint.class);
        String deploymentPath = "/openai/deployments/" + URLEncoder.encode(deployment.model(), StandardCharsets.UTF_8).replace("+", "%20");
        String query = "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
        for (Endpoint endpoint : Endpoint.values()) {
            uris.put(endpoint, UpstreamConfig.uri(params, apiBase, deploymentPath + endpoint.path() + query, "https://my-resource.openai.azure.com"));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        Secret credential = credential(params, environment, headers);
        ExtraHeaders.putInto(headers, params);
        if (credential == null && !headers.containsKey("api-key") && !headers.containsKey("authorization")) {
            throw new ConfigException(params.keyPath("api_key"), "is required for azure/ models but missing. Fix: set "
                    + params.keyPath("api_key") + " (e.g. os.environ/AZURE_API_KEY) or " + params.keyPath("azure_ad_token")
                    + ", or set the AZURE_API_KEY environment variable.");
        }

        boolean streamOptions = UpstreamConfig.supportsStreamOptions(params, acceptsStreamOptions(apiVersion));
        return new PassThroughTarget(deployment.provider(), deployment.model(), uris, headers,
                credential == null ? List.of() : List.of(credential), streamOptions, ParameterRules.NONE);
    }

    /**
     * Puts the auth header and returns its secret. As in LiteLLM, an API key (configured, else from the environment)
     * wins over an Entra ID token.
     */
    private static Secret credential(ConfigView params, Function<String, String> environment, Map<String, String> headers)
    {
        Optional<Secret> apiKey = params.secret("api_key").filter(key -> !key.reveal().isBlank())
                .or(() -> env(environment, "AZURE_OPENAI_API_KEY").map(Secret::new))
                .or(() -> env(environment, "AZURE_API_KEY").map(Secret::new));
        if (apiKey.isPresent()) {
            headers.put("api-key", apiKey.get().reveal());
            return apiKey.get();
        }
        Optional<Secret> token = params.secret("azure_ad_token").filter(value -> !value.reveal().isBlank())
                .or(() -> env(environment, "AZURE_AD_TOKEN").map(Secret::new));
        token.ifPresent(value -> headers.put("authorization", "Bearer " + value.reveal()));
        return token.orElse(null);
    }

    private static boolean acceptsStreamOptions(String apiVersion)
    {
        // undated versions ("v1", "latest", "preview") are the newest
        return !DATED_VERSION.matcher(apiVersion).matches() || apiVersion.compareTo(FIRST_VERSION_WITH_STREAM_OPTIONS) >= 0;
    }

    private static Optional<String> env(Function<String, String> environment, String name)
    {
        return Optional.ofNullable(environment.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
