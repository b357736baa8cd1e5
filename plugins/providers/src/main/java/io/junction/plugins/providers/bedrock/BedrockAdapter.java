package io.junction.plugins.providers.bedrock;

import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.ChunkWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ParameterPolicy;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.UpstreamTimeouts;

import java.net.URI;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves a deployment of a model on Amazon Bedrock: chat through the Converse and ConverseStream APIs, embeddings
 * through InvokeModel (Titan and Cohere), every request signed with SigV4 at the kernel clock's time (or sent with a
 * Bedrock API key).
 */
final class BedrockAdapter
        implements ProviderAdapter
{
    /** The OpenAI parameters Converse takes, as LiteLLM maps them (besides the gateway's own keys). */
    private static final Set<String> CHAT_PARAMETERS = Set.of("max_tokens", "max_completion_tokens", "stream_options", "stop",
            "temperature", "top_p", "tools", "tool_choice", "response_format");
    private static final String INPUT_TOKENS_HEADER = "x-amzn-bedrock-input-token-count";

    private final BedrockSettings settings;
    private final UpstreamTimeouts timeouts;
    private final UpstreamClient upstream;
    private final InstantSource clock;
    private final BedrockErrors errors;
    private final Supplier<UUID> ids;
    private final ParameterPolicy chatPolicy;
    // the model id is fixed, so is the embedding family it belongs to (null for a chat model)
    private final BedrockEmbeddings.Family embeddingFamily;
    private final ParameterPolicy embeddingPolicy;

    /**
     * @param environment the process environment, for LiteLLM's {@code AWS_*} fallbacks
     * @param ids completion ids ({@code chatcmpl-<uuid>}), injected so tests control them
     */
    BedrockAdapter(DeploymentSpec deployment, ProviderContext context, Function<String, String> environment, Supplier<UUID> ids)
    {
        this.settings = BedrockSettings.from(deployment, environment);
        this.timeouts = deployment.timeouts();
        this.upstream = context.upstream();
        this.clock = context.clock();
        this.errors = new BedrockErrors(settings.auth().secrets(), clock);
        this.ids = ids;
        Set<String> chatParameters = new HashSet<>(CHAT_PARAMETERS);
        if (settings.modelId().contains("anthropic.")) {
            // Claude's extended thinking, as LiteLLM passes it
            chatParameters.add("thinking");
        }
        this.chatPolicy = ParameterPolicy.of(deployment, context, chatParameters);
        this.embeddingFamily = BedrockEmbeddings.Family.of(settings.modelId());
        this.embeddingPolicy = chatPolicy.supporting(embeddingFamily == null ? Set.of() : embeddingFamily.supportedParameters());
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        return switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> chat(request);
            case EMBEDDINGS -> embeddings(request);
            default -> throw new ProviderException(ErrorKind.INVALID_REQUEST, "bedrock serves /chat/completions and /embeddings, not "
                    + request.endpoint().path());
        };
    }

    private ProviderResponse chat(ProviderRequest request)
    {
        ChatRequest chat = ChatRequest.parse(request);
        chat.removeSingleChoice();
        chatPolicy.apply(chat);
        ConverseRequests.ConverseRequest converse = ConverseRequests.translate(chat, settings.modelId(), chatPolicy.dropsUnsupported(chat));
        byte[] body = Json.bytes(converse.body());
        String id = "chatcmpl-" + ids.get();
        long created = clock.instant().getEpochSecond();
        return request.stream()
                ? stream(body, new ChunkWriter(id, settings.modelId(), created), chat.includeUsage(), converse.jsonTool())
                : complete(body, id, created, converse.jsonTool());
    }

    private ProviderResponse.Complete complete(byte[] body, String id, long created, Optional<String> jsonTool)
    {
        UpstreamResponse response = upstream.send(signedPost(settings.modelUri("converse"), body));
        if (!response.successful()) {
            throw errors.fromResponse(response.status(), response.headers(), response.body());
        }
        return ConverseResponses.chatCompletion(response.body(), id, settings.modelId(), created, jsonTool,
                UpstreamErrors.rateLimitHeaders(response.headers()));
    }

    private ProviderResponse.Streaming stream(byte[] body, ChunkWriter writer, boolean includeUsage, Optional<String> jsonTool)
    {
        UpstreamStream stream = upstream.open(signedPost(settings.modelUri("converse-stream"), body));
        try {
            if (stream.status() < 200 || stream.status() >= 300) {
                throw errors.fromResponse(stream.status(), stream.headers(), UpstreamErrors.readErrorBody(stream.body()));
            }
            return new ProviderResponse.Streaming(new ConverseChunkStream(stream, includeUsage, writer, errors, jsonTool),
                    UpstreamErrors.rateLimitHeaders(stream.headers()));
        }
        catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private ProviderResponse embeddings(ProviderRequest request)
    {
        if (embeddingFamily == null) {
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "bedrock/" + settings.modelId() + " is not an embedding model this "
                    + "gateway serves: use amazon.titan-embed-text-* or cohere.embed-* models for /embeddings", 400, null, "model", null,
                    Map.of(), null);
        }
        ChatRequest embedding = ChatRequest.parse(request);
        embeddingPolicy.apply(embedding);
        URI uri = settings.modelUri("invoke");
        return BedrockEmbeddings.embed(embedding, embeddingFamily, settings.modelId(), body -> {
            UpstreamResponse response = upstream.send(signedPost(uri, body));
            if (!response.successful()) {
                throw errors.fromResponse(response.status(), response.headers(), response.body());
            }
            long inputTokens = response.header(INPUT_TOKENS_HEADER).map(BedrockAdapter::count).orElse(-1L);
            return new BedrockEmbeddings.Invocation(Json.parseObject(response.body(), "bedrock's embedding response", ErrorKind.UPSTREAM_SERVER),
                    inputTokens);
        });
    }

    private UpstreamRequest signedPost(URI uri, byte[] body)
    {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.putAll(settings.auth().headers("POST", uri, body, clock.instant()));
        return UpstreamRequest.postJson(uri, headers, body, timeouts);
    }

    private static long count(String header)
    {
        try {
            return Long.parseLong(header.strip());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString()
    {
        return "BedrockAdapter[" + settings + "]";
    }
}
