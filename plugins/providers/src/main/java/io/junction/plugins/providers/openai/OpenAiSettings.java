package io.junction.plugins.providers.openai;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code litellm_params} of an OpenAI-compatible deployment, checked once when the deployment is created:
 * where to send each endpoint, and the headers every request carries.
 *
 * @param headers lower-case names; the {@code authorization} value is the API key, never to be shown
 */
record OpenAiSettings(Map<Endpoint, URI> endpointUris, Map<String, String> headers, Optional<Secret> apiKey)
{
    /**
     * The default {@code api_base} of each prefix LiteLLM serves through its OpenAI client; empty where the user
     * must say (a self-hosted server).
     */
    static final Map<String, Optional<String>> DEFAULT_API_BASES = defaultApiBases();

    OpenAiSettings
    {
        endpointUris = Collections.unmodifiableMap(new EnumMap<>(endpointUris));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static OpenAiSettings from(DeploymentSpec deployment)
    {
        ConfigView params = deployment.params();
        String apiBase = apiBase(params, deployment.provider());
        Map<Endpoint, URI> uris = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            uris.put(endpoint, uri(params, apiBase, endpoint));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        Optional<Secret> apiKey = params.secret("api_key").filter(key -> !key.reveal().isBlank());
        // no key, no header: local servers (vLLM, Ollama) take none
        apiKey.ifPresent(key -> headers.put("authorization", "Bearer " + key.reveal()));
        params.string("organization").filter(organization -> !organization.isBlank())
                .ifPresent(organization -> headers.put("openai-organization", organization));
        params.section("extra_headers").ifPresent(extra -> {
            for (String name : extra.keys()) {
                headers.put(headerName(extra, name), extra.string(name).orElse(""));
            }
        });
        return new OpenAiSettings(uris, headers, apiKey);
    }

    private static String apiBase(ConfigView params, String provider)
    {
        String key = params.keyPath("api_base");
        String apiBase = params.string("api_base").map(String::trim).filter(base -> !base.isEmpty())
                .or(() -> DEFAULT_API_BASES.getOrDefault(provider, Optional.empty()))
                .orElseThrow(() -> new ConfigException(key, "is required for " + provider + "/ models but missing. "
                        + "Fix: set " + key + " to the server's OpenAI-compatible base URL, e.g. http://localhost:8000/v1."));
        while (apiBase.endsWith("/")) {
            apiBase = apiBase.substring(0, apiBase.length() - 1);
        }
        return apiBase;
    }

    private static URI uri(ConfigView params, String apiBase, Endpoint endpoint)
    {
        String key = params.keyPath("api_base");
        String fix = " Fix: set " + key + " to an http(s) URL such as http://localhost:8000/v1.";
        URI uri;
        try {
            uri = new URI(apiBase + endpoint.path());
        }
        catch (URISyntaxException e) {
            throw new ConfigException(key, "is not a valid URL: '" + apiBase + "' (" + e.getReason() + ")." + fix);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(key, "must be an http or https URL with a host but was '" + apiBase + "'." + fix);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException(key, "must not have a query or fragment but was '" + apiBase + "'." + fix);
        }
        return uri;
    }

    private static String headerName(ConfigView extra, String name)
    {
        if (name.isEmpty() || !name.chars().allMatch(OpenAiSettings::isTokenChar)) {
            throw new ConfigException(extra.keyPath(name), "is not a valid HTTP header name. "
                    + "Fix: use letters, digits and - only, e.g. X-My-Header.");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    // RFC 9110 token characters
    private static boolean isTokenChar(int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
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

    @Override
    public String toString()
    {
        // the headers carry the API key
        return "OpenAiSettings[" + endpointUris.get(Endpoint.CHAT_COMPLETIONS) + ", headers=" + headers.keySet() + "]";
    }
}
