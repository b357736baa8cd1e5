package io.junction.plugins.providers.anthropic;

import io.junction.plugins.providers.common.ExtraHeaders;
import io.junction.plugins.providers.common.HttpUrls;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code litellm_params} of an Anthropic deployment, checked once when the deployment is created.
 *
 * @param messagesUri where {@code POST /v1/messages} goes
 * @param headers lower-case names; the {@code x-api-key} value is the API key, never to be shown
 * @param apiKey the key itself, to redact it from any message an error echoes
 * @param defaultMaxTokens the {@code max_tokens} sent when the client gives none (Anthropic requires one)
 */
record AnthropicSettings(URI messagesUri, Map<String, String> headers, Secret apiKey, int defaultMaxTokens)
{
    static final String DEFAULT_API_BASE = "https://api.anthropic.com";
    static final String API_VERSION = "2023-06-01";
    /** LiteLLM's {@code DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS}. */
    static final int LITELLM_DEFAULT_MAX_TOKENS = 4096;
    private static final String MESSAGES_PATH = "/v1/messages";

    AnthropicSettings
    {
        Objects.requireNonNull(messagesUri, "messagesUri is null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(apiKey, "apiKey is null");
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("defaultMaxTokens must be positive but was " + defaultMaxTokens);
        }
    }

    /**
     * @param environment reads an environment variable (null when unset): LiteLLM falls back to
     *        {@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_API_BASE} and {@code ANTHROPIC_BASE_URL}
     */
    static AnthropicSettings from(DeploymentSpec deployment, UnaryOperator<String> environment)
    {
        ConfigView params = deployment.params();
        Secret apiKey = apiKey(params, environment);
        Map<String, String> headers = new LinkedHashMap<>();
        ExtraHeaders.putInto(headers, params, "anthropic-beta");
        // set last: extra_headers must not replace the key or the version the translation is written for
        headers.put("x-api-key", apiKey.reveal());
        headers.put("anthropic-version", API_VERSION);
        return new AnthropicSettings(messagesUri(params, environment), headers, apiKey, defaultMaxTokens(params));
    }

    private static Secret apiKey(ConfigView params, UnaryOperator<String> environment)
    {
        Optional<Secret> configured = params.secret("api_key").filter(key -> !key.reveal().isBlank());
        if (configured.isPresent()) {
            return configured.get();
        }
        String fromEnvironment = environment.apply("ANTHROPIC_API_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Secret(fromEnvironment.trim());
        }
        String key = params.keyPath("api_key");
        throw new ConfigException(key, "is required for anthropic/ models but missing, and ANTHROPIC_API_KEY is not set. "
                + "Fix: set " + key + " (e.g. api_key: os.environ/ANTHROPIC_API_KEY) or export ANTHROPIC_API_KEY.");
    }

    private static URI messagesUri(ConfigView params, UnaryOperator<String> environment)
    {
        String key = params.keyPath("api_base");
        String apiBase = HttpUrls.withoutTrailingSlashes(params.string("api_base").map(String::trim).filter(base -> !base.isEmpty())
                .or(() -> Optional.ofNullable(environment.apply("ANTHROPIC_API_BASE")).map(String::trim).filter(base -> !base.isEmpty()))
                .or(() -> Optional.ofNullable(environment.apply("ANTHROPIC_BASE_URL")).map(String::trim).filter(base -> !base.isEmpty()))
                .orElse(DEFAULT_API_BASE));
        // LiteLLM appends /v1/messages unless it is there; a base ending in /v1 is taken as meaning the same host
        String address;
        if (apiBase.endsWith(MESSAGES_PATH)) {
            address = apiBase;
        }
        else if (apiBase.endsWith("/v1")) {
            address = apiBase + "/messages";
        }
        else {
            address = apiBase + MESSAGES_PATH;
        }
        return HttpUrls.checked(key, apiBase, address, " Fix: set " + key + " to an http(s) URL such as " + DEFAULT_API_BASE + ".");
    }

    private static int defaultMaxTokens(ConfigView params)
    {
        long maxTokens = params.integer("max_tokens").orElse((long) LITELLM_DEFAULT_MAX_TOKENS);
        if (maxTokens < 1 || maxTokens > Integer.MAX_VALUE) {
            throw new ConfigException(params.keyPath("max_tokens"), "must be a positive whole number but was " + maxTokens
                    + ". Fix: remove it (the default is " + LITELLM_DEFAULT_MAX_TOKENS + ") or set a positive number.");
        }
        return (int) maxTokens;
    }

    @Override
    public String toString()
    {
        // the headers carry the API key
        return "AnthropicSettings[" + messagesUri + ", headers=" + headers.keySet() + ", defaultMaxTokens=" + defaultMaxTokens + "]";
    }
}
