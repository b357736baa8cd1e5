package io.junction.plugins.providers.gemini;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Gemini through Google AI Studio ({@code generativelanguage.googleapis.com}): the API key goes in the
 * {@code x-goog-api-key} header, never in the URL, which ends up in logs.
 *
 * @param headers lower-case names; the {@code x-goog-api-key} value is the key, never to be shown
 */
record GoogleAiStudioApi(GeminiModelUrls urls, Map<String, String> headers, Secret apiKey)
        implements GeminiApi
{
    static final String DEFAULT_API_BASE = "https://generativelanguage.googleapis.com";
    static final String API_KEY_VARIABLE = "GEMINI_API_KEY";

    GoogleAiStudioApi
    {
        Objects.requireNonNull(urls, "urls is null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(apiKey, "apiKey is null");
    }

    /**
     * @param environment reads an environment variable (null when unset): the key falls back to {@code GEMINI_API_KEY},
     *        as in LiteLLM
     */
    static GoogleAiStudioApi from(DeploymentSpec deployment, UnaryOperator<String> environment)
    {
        ConfigView params = deployment.params();
        String model = GeminiConfig.model(params, deployment.model());
        String apiBase = GeminiConfig.apiBase(params, DEFAULT_API_BASE);
        String modelUrl;
        if (GeminiConfig.namesTheModel(apiBase)) {
            modelUrl = apiBase;
        }
        else if (apiBase.endsWith("/v1beta") || apiBase.endsWith("/v1") || apiBase.endsWith("/v1alpha")) {
            modelUrl = apiBase + "/models/" + model;
        }
        else {
            modelUrl = apiBase + "/v1beta/models/" + model;
        }
        Secret apiKey = apiKey(params, environment);
        Map<String, String> headers = GeminiConfig.extraHeaders(params);
        // set last: extra_headers must not replace the key
        headers.put("x-goog-api-key", apiKey.reveal());
        return new GoogleAiStudioApi(GeminiModelUrls.of(modelUrl, GeminiEmbeddings.Api.BATCH_EMBED_CONTENTS, params), headers, apiKey);
    }

    private static Secret apiKey(ConfigView params, UnaryOperator<String> environment)
    {
        Optional<Secret> configured = params.secret("api_key").filter(key -> !key.reveal().isBlank());
        if (configured.isPresent()) {
            return configured.get();
        }
        String fromEnvironment = environment.apply(API_KEY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Secret(fromEnvironment.trim());
        }
        String key = params.keyPath("api_key");
        throw new ConfigException(key, "is required for gemini/ models but missing, and " + API_KEY_VARIABLE + " is not set. "
                + "Fix: set " + key + " (e.g. api_key: os.environ/" + API_KEY_VARIABLE + ") or export " + API_KEY_VARIABLE + ".");
    }

    @Override
    public List<Secret> secrets()
    {
        return List.of(apiKey);
    }

    @Override
    public String toString()
    {
        // the headers carry the API key
        return "GoogleAiStudioApi[" + urls.generateContent() + ", headers=" + headers.keySet() + "]";
    }
}
