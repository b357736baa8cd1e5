package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ExtraHeaders;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.openai.UpstreamConfig;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code litellm_params} of an Ollama deployment: the server's endpoints, the optional bearer token (Ollama's
 * cloud, or a proxy in front of a local server), and defaults for Ollama's own generation options.
 *
 * @param headers lower-case names; the {@code authorization} value is a secret
 * @param defaultOptions Ollama {@code options} set in {@code litellm_params} ({@code num_ctx: 8192}); a request's
 *        own values win
 * @param keepAlive {@code keep_alive} for every request, unless the request sets its own
 */
record OllamaSettings(URI chatUri, URI generateUri, URI embedUri, Map<String, String> headers, List<Secret> secrets,
        ObjectNode defaultOptions, Optional<JsonNode> keepAlive)
{
    static final String DEFAULT_API_BASE = "http://localhost:11434";

    /** Ollama's own generation options (its Modelfile parameters), accepted in litellm_params and in requests. */
    static final Set<String> NATIVE_OPTIONS = Set.of("num_ctx", "num_keep", "num_batch", "num_gpu", "main_gpu", "num_thread",
            "top_k", "min_p", "typical_p", "tfs_z", "repeat_penalty", "repeat_last_n", "penalize_newline", "mirostat",
            "mirostat_eta", "mirostat_tau", "numa", "low_vram", "use_mmap", "use_mlock");

    // an api_base copied from a full endpoint URL still works, as in LiteLLM
    private static final List<String> ENDPOINT_SUFFIXES = List.of("/api/generate", "/api/chat", "/api/embed");

    OllamaSettings
    {
        Objects.requireNonNull(chatUri, "chatUri is null");
        Objects.requireNonNull(generateUri, "generateUri is null");
        Objects.requireNonNull(embedUri, "embedUri is null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        secrets = List.copyOf(secrets);
        defaultOptions = defaultOptions.deepCopy();
        Objects.requireNonNull(keepAlive, "keepAlive is null");
    }

    static OllamaSettings from(DeploymentSpec deployment, Function<String, String> environment)
    {
        ConfigView params = deployment.params();
        String apiBase = UpstreamConfig.apiBase(params, env(environment, "OLLAMA_API_BASE")).orElse(DEFAULT_API_BASE);
        for (String suffix : ENDPOINT_SUFFIXES) {
            if (apiBase.endsWith(suffix)) {
                apiBase = apiBase.substring(0, apiBase.length() - suffix.length());
            }
        }
        String example = DEFAULT_API_BASE;
        URI chat = UpstreamConfig.uri(params, apiBase, "/api/chat", example);
        URI generate = UpstreamConfig.uri(params, apiBase, "/api/generate", example);
        URI embed = UpstreamConfig.uri(params, apiBase, "/api/embed", example);

        Map<String, String> headers = new LinkedHashMap<>();
        Optional<Secret> apiKey = params.secret("api_key").filter(key -> !key.reveal().isBlank())
                .or(() -> env(environment, "OLLAMA_API_KEY").map(Secret::new));
        // a local server takes no key: none is sent unless one is configured
        apiKey.ifPresent(key -> headers.put("authorization", "Bearer " + key.reveal()));
        ExtraHeaders.putInto(headers, params);

        ObjectNode options = Json.object();
        for (String name : params.keys()) {
            if (NATIVE_OPTIONS.contains(name)) {
                options.set(name, Json.MAPPER.valueToTree(params.asMap().get(name)));
            }
        }
        Optional<JsonNode> keepAlive = Optional.ofNullable(params.asMap().get("keep_alive")).map(Json.MAPPER::valueToTree);
        return new OllamaSettings(chat, generate, embed, headers, apiKey.map(List::of).orElse(List.of()), options, keepAlive);
    }

    private static Optional<String> env(Function<String, String> environment, String name)
    {
        return Optional.ofNullable(environment.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString()
    {
        // the headers carry the API key
        return "OllamaSettings[" + chatUri + ", headers=" + headers.keySet() + ", options=" + defaultOptions + "]";
    }
}
