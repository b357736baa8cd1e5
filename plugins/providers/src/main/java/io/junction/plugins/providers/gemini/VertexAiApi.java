package io.junction.plugins.providers.gemini;

import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.gemini.vertex.ServiceAccountKey;
import io.junction.plugins.providers.gemini.vertex.ServiceAccountTokens;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Gemini on Vertex AI: {@code https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/
 * publishers/google/models/{model}:generateContent} (host {@code aiplatform.googleapis.com} for the {@code global}
 * location), authorised by a service account's OAuth access token.
 * <p>
 * {@code litellm_params}, with LiteLLM's names and fallbacks: {@code vertex_project} ({@code VERTEXAI_PROJECT}, else
 * the key's {@code project_id}), {@code vertex_location} ({@code VERTEXAI_LOCATION}, else {@code us-central1}),
 * {@code vertex_credentials} (a service-account key as JSON text, a YAML mapping or a file path;
 * {@code VERTEXAI_CREDENTIALS}, else the file {@code GOOGLE_APPLICATION_CREDENTIALS} names), {@code api_base}.
 */
final class VertexAiApi
        implements GeminiApi
{
    static final String DEFAULT_LOCATION = "us-central1";
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern LOCATION = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private final GeminiModelUrls urls;
    private final Map<String, String> extraHeaders;
    private final ServiceAccountTokens tokens;

    private VertexAiApi(String modelUrl, ConfigView params, Map<String, String> extraHeaders, ServiceAccountTokens tokens)
    {
        this.urls = GeminiModelUrls.of(modelUrl, GeminiEmbeddings.Api.PREDICT, params);
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.tokens = tokens;
    }

    /**
     * @param environment reads an environment variable (null when unset)
     */
    static VertexAiApi from(DeploymentSpec deployment, ProviderContext context, UnaryOperator<String> environment)
    {
        ConfigView params = deployment.params();
        // LiteLLM's vertex_ai/gemini/<id>: a tuned model called in Gemini's format, served from its endpoint
        String named = deployment.model().startsWith("gemini/") ? deployment.model().substring("gemini/".length()) : deployment.model();
        String model = GeminiConfig.model(params, named);
        ServiceAccountKey key = credentials(params, environment);
        String project = setting(params, environment, "vertex_project", "vertex_ai_project", "VERTEXAI_PROJECT")
                .or(key::projectId)
                .orElseThrow(() -> new ConfigException(params.keyPath("vertex_project"), "is required for vertex_ai/ models but "
                        + "missing, VERTEXAI_PROJECT is not set and the credentials name no project_id. Fix: set "
                        + params.keyPath("vertex_project") + " to your Google Cloud project id."));
        check(PROJECT, project, params.keyPath("vertex_project"), "a Google Cloud project id such as my-project-123");
        String location = setting(params, environment, "vertex_location", "vertex_ai_location", "VERTEXAI_LOCATION").orElse(DEFAULT_LOCATION);
        check(LOCATION, location, params.keyPath("vertex_location"), "a Vertex AI location such as us-central1 or global");

        String host = location.equals("global") ? "https://aiplatform.googleapis.com" : "https://" + location + "-aiplatform.googleapis.com";
        String apiBase = GeminiConfig.apiBase(params, host);
        String modelUrl;
        if (GeminiConfig.namesTheModel(apiBase)) {
            modelUrl = apiBase;
        }
        else {
            String resource = NUMERIC.matcher(model).matches()
                    // a fine-tuned model is served from its own endpoint, named by number
                    ? "/endpoints/" + model
                    : "/publishers/google/models/" + model;
            modelUrl = apiBase + "/v1/projects/" + project + "/locations/" + location + resource;
        }
        ServiceAccountTokens tokens = new ServiceAccountTokens(deployment.provider(), key, context.upstream(), deployment.timeouts(), context.clock());
        return new VertexAiApi(modelUrl, params, GeminiConfig.extraHeaders(params), tokens);
    }

    private static Optional<String> setting(ConfigView params, UnaryOperator<String> environment, String name, String alias, String variable)
    {
        return params.string(name).or(() -> params.string(alias))
                .or(() -> Optional.ofNullable(environment.apply(variable)))
                .map(String::trim)
                .filter(value -> !value.isEmpty());
    }

    private static void check(Pattern pattern, String value, String key, String example)
    {
        if (!pattern.matcher(value).matches()) {
            throw new ConfigException(key, "must be " + example + " but was '" + value + "'.");
        }
    }

    /** The service-account key: inline JSON, a mapping, or a file, from the config or the environment. */
    private static ServiceAccountKey credentials(ConfigView params, UnaryOperator<String> environment)
    {
        for (String name : List.of("vertex_credentials", "vertex_ai_credentials")) {
            Object value = params.asMap().get(name);
            if (value instanceof Map<?, ?> mapping) {
                // the key's JSON written as YAML under the parameter
                String json = new String(Json.bytes(Json.MAPPER.valueToTree(mapping)), StandardCharsets.UTF_8);
                return ServiceAccountKey.parse(json, params.keyPath(name));
            }
            Optional<Secret> text = params.secret(name).filter(secret -> !secret.reveal().isBlank());
            if (text.isPresent()) {
                return fromJsonOrFile(text.get().reveal(), params.keyPath(name));
            }
        }
        String inEnvironment = environment.apply("VERTEXAI_CREDENTIALS");
        if (inEnvironment != null && !inEnvironment.isBlank()) {
            return fromJsonOrFile(inEnvironment, "VERTEXAI_CREDENTIALS");
        }
        String applicationDefault = environment.apply("GOOGLE_APPLICATION_CREDENTIALS");
        if (applicationDefault != null && !applicationDefault.isBlank()) {
            return fromJsonOrFile(applicationDefault, "GOOGLE_APPLICATION_CREDENTIALS");
        }
        String key = params.keyPath("vertex_credentials");
        throw new ConfigException(key, "is required for vertex_ai/ models but missing, and neither VERTEXAI_CREDENTIALS nor "
                + "GOOGLE_APPLICATION_CREDENTIALS is set (metadata-server credentials are not supported). Fix: set " + key
                + " to the path of a service-account JSON key file, or to the file's JSON text.");
    }

    private static ServiceAccountKey fromJsonOrFile(String value, String keyPath)
    {
        String trimmed = value.strip();
        if (trimmed.startsWith("{")) {
            return ServiceAccountKey.parse(trimmed, keyPath);
        }
        try {
            return ServiceAccountKey.parse(Files.readString(Path.of(trimmed), StandardCharsets.UTF_8), keyPath);
        }
        catch (IOException | InvalidPathException e) {
            // a long or multi-line value is more likely mangled key material than a path: not echoed
            String shown = trimmed.length() <= 256 && trimmed.lines().count() == 1 ? "the file '" + trimmed + "'" : "a file";
            throw new ConfigException(keyPath, "names " + shown + ", which cannot be read (" + e.getClass().getSimpleName()
                    + "). Fix: give the path of the service-account JSON key file, or the file's JSON text.");
        }
    }

    @Override
    public GeminiModelUrls urls()
    {
        return urls;
    }

    @Override
    public Map<String, String> headers()
    {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        // set last: extra_headers must not replace the credentials
        headers.put("authorization", "Bearer " + tokens.accessToken().reveal());
        return headers;
    }

    @Override
    public List<Secret> secrets()
    {
        // the access token is what goes upstream, and what an upstream could echo
        return tokens.lastFetched().map(List::of).orElse(List.of());
    }

    @Override
    public String toString()
    {
        return "VertexAiApi[" + urls.generateContent() + ", " + tokens + "]";
    }
}
