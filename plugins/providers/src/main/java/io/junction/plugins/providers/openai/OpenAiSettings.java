package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.ExtraHeaders;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code litellm_params} of an OpenAI-compatible deployment, checked once when the deployment is created: where
 * to send each endpoint, the headers every request carries, and what the upstream accepts.
 */
final class OpenAiSettings
{
    /**
     * The default {@code api_base} of each prefix LiteLLM serves through its OpenAI client; empty where the user
     * must say (a self-hosted server).
     */
    static final Map<String, Optional<String>> DEFAULT_API_BASES = defaultApiBases();

    /**
     * Prefixes whose servers are not known to take {@code stream_options}: Mistral's API has no such field (its
     * streams end with a usage chunk anyway). {@code supports_stream_options: true} overrides this.
     */
    private static final Set<String> WITHOUT_STREAM_OPTIONS = Set.of("mistral");

    private OpenAiSettings() {}

    static PassThroughTarget from(DeploymentSpec deployment)
    {
        ConfigView params = deployment.params();
        String provider = deployment.provider();
        String apiBase = UpstreamConfig.apiBase(params, DEFAULT_API_BASES.getOrDefault(provider, Optional.empty()))
                .orElseThrow(() -> new ConfigException(params.keyPath("api_base"), "is required for " + provider + "/ models but missing. "
                        + "Fix: set " + params.keyPath("api_base") + " to the server's OpenAI-compatible base URL, e.g. http://localhost:8000/v1."));
        Map<Endpoint, URI> uris = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            uris.put(endpoint, UpstreamConfig.uri(params, apiBase, endpoint.path(), "http://localhost:8000/v1"));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        Optional<Secret> apiKey = params.secret("api_key").filter(key -> !key.reveal().isBlank());
        // no key, no header: local servers (vLLM, Ollama) take none
        apiKey.ifPresent(key -> headers.put("authorization", "Bearer " + key.reveal()));
        params.string("organization").filter(organization -> !organization.isBlank())
                .ifPresent(organization -> headers.put("openai-organization", organization));
        ExtraHeaders.putInto(headers, params);

        boolean streamOptions = UpstreamConfig.supportsStreamOptions(params, !WITHOUT_STREAM_OPTIONS.contains(provider));
        return new PassThroughTarget(provider, deployment.model(), uris, headers, apiKey.map(List::of).orElse(List.of()),
                streamOptions, CompatibleParameters.of(provider));
    }

    private static Map<String, Optional<String>> defaultApiBases()
    {
        Map<String, Optional<String>> bases = new LinkedHashMap<>();
        bases.put("openai", Optional.of("https://api.openai.com/v1"));
        bases.put("text-completion-openai", Optional.of("https://api.openai.com/v1"));
        bases.put("groq", Optional.of("https://api.groq.com/openai/v1"));
        bases.put("together_ai", Optional.of("https://api.together.xyz/v1"));
        bases.put("deepseek", Optional.of("https://api.deepseek.com/v1"));
        bases.put("mistral", Optional.of("https://api.mistral.ai/v1"));
        bases.put("openrouter", Optional.of("https://openrouter.ai/api/v1"));
        bases.put("fireworks_ai", Optional.of("https://api.fireworks.ai/inference/v1"));
        bases.put("hosted_vllm", Optional.empty());
        return Collections.unmodifiableMap(bases);
    }
}
