package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.CompletionWriter;
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
import io.junction.spi.provider.Usage;

import java.net.URI;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Serves an Ollama model: {@code ollama_chat/<model>} on {@code /api/chat}, {@code ollama/<model>} on
 * {@code /api/generate} with a prompt built from the messages (as LiteLLM still does for that prefix), and
 * embeddings on {@code /api/embed} for both.
 */
final class OllamaAdapter
        implements ProviderAdapter
{
    /** The OpenAI chat parameters both endpoints map; {@code tool_choice} and {@code user} are accepted and ignored. */
    private static final Set<String> CHAT_PARAMETERS = Set.of("temperature", "top_p", "max_tokens", "max_completion_tokens", "stop",
            "seed", "frequency_penalty", "presence_penalty", "response_format", "stream_options", "reasoning_effort", "keep_alive", "user");
    /** {@code /api/chat} also takes tools; LiteLLM drops {@code tool_choice} for Ollama, which has none. */
    private static final Set<String> CHAT_ONLY_PARAMETERS = Set.of("tools", "tool_choice");
    private static final Set<String> EMBEDDING_PARAMETERS = Set.of("encoding_format", "user");

    private final String provider;
    private final String model;
    private final boolean generate;
    private final OllamaSettings settings;
    private final OllamaRequests requests;
    private final ParameterPolicy chatPolicy;
    private final ParameterPolicy embeddingPolicy;
    private final UpstreamTimeouts timeouts;
    private final UpstreamClient upstream;
    private final InstantSource clock;
    private final Supplier<UUID> ids;
    private final OllamaErrors errors;

    OllamaAdapter(DeploymentSpec deployment, ProviderContext context, OllamaSettings settings, Supplier<UUID> ids)
    {
        this.provider = deployment.provider();
        this.model = deployment.model();
        this.generate = provider.equals(OllamaAdapterFactory.GENERATE_PREFIX);
        this.settings = settings;
        this.requests = new OllamaRequests(model, settings);
        Set<String> chatParameters = new HashSet<>(CHAT_PARAMETERS);
        chatParameters.addAll(OllamaSettings.NATIVE_OPTIONS);
        if (!generate) {
            chatParameters.addAll(CHAT_ONLY_PARAMETERS);
        }
        this.chatPolicy = ParameterPolicy.of(deployment, context, chatParameters);
        this.embeddingPolicy = chatPolicy.supporting(EMBEDDING_PARAMETERS);
        this.timeouts = deployment.timeouts();
        this.upstream = context.upstream();
        this.clock = context.clock();
        this.ids = ids;
        this.errors = new OllamaErrors(provider, settings.secrets(), clock);
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        return switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> chat(request);
            case EMBEDDINGS -> embed(request);
            case COMPLETIONS -> throw new ProviderException(ErrorKind.INVALID_REQUEST,
                    provider + "/ models serve /chat/completions and /embeddings, not /completions");
        };
    }

    private ProviderResponse chat(ProviderRequest request)
    {
        ChatRequest chat = ChatRequest.parse(request);
        chatPolicy.apply(chat);
        boolean stream = request.stream();
        ObjectNode body = generate ? requests.generate(chat, stream) : requests.chat(chat, stream);
        URI uri = generate ? settings.generateUri() : settings.chatUri();
        UpstreamRequest upstreamRequest = UpstreamRequest.postJson(uri, settings.headers(), Json.bytes(body), timeouts);
        String completionId = "chatcmpl-" + ids.get();
        long created = clock.instant().getEpochSecond();
        if (stream) {
            return stream(upstreamRequest, chat.includeUsage(), completionId, created, request.estimatedPromptTokens());
        }
        UpstreamResponse response = send(upstreamRequest);
        OllamaAnswer answer = OllamaAnswer.read(parse(response.body(), "its answer"), generate, this::toolCallId);
        Usage usage = answer.usage(request.estimatedPromptTokens());
        byte[] completion = CompletionWriter.chatCompletion(completionId, answer.model().isEmpty() ? model : answer.model(), created,
                answer.text(), answer.thinking(), answer.toolCalls(), OllamaAnswer.finishReason(answer.doneReason(), !answer.toolCalls().isEmpty()),
                usage);
        return new ProviderResponse.Complete(completion, usage, passedOnHeaders(response.headers()));
    }

    private ProviderResponse.Streaming stream(UpstreamRequest upstreamRequest, boolean includeUsage, String completionId, long created,
            int estimatedPromptTokens)
    {
        UpstreamStream stream = upstream.open(upstreamRequest);
        try {
            if (stream.status() < 200 || stream.status() >= 300) {
                throw errors.fromResponse(stream.status(), stream.headers(), UpstreamErrors.readErrorBody(stream.body()));
            }
            return new ProviderResponse.Streaming(new OllamaChunkStream(stream, includeUsage, generate, provider, model, completionId, created,
                    estimatedPromptTokens, this::toolCallId, errors), passedOnHeaders(stream.headers()));
        }
        catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private ProviderResponse embed(ProviderRequest request)
    {
        if (request.stream()) {
            throw ChatRequest.invalid("stream", "embeddings cannot be streamed");
        }
        ChatRequest embedding = ChatRequest.parse(request);
        embeddingPolicy.apply(embedding);
        ObjectNode body = OllamaEmbeddings.request(embedding, model, settings);
        UpstreamResponse response = send(UpstreamRequest.postJson(settings.embedUri(), settings.headers(), Json.bytes(body), timeouts));
        OllamaEmbeddings.Answer answer = OllamaEmbeddings.response(parse(response.body(), "its embeddings"), model, request.estimatedPromptTokens());
        return new ProviderResponse.Complete(answer.body(), answer.usage(), passedOnHeaders(response.headers()));
    }

    private UpstreamResponse send(UpstreamRequest upstreamRequest)
    {
        UpstreamResponse response = upstream.send(upstreamRequest);
        if (!response.successful()) {
            throw errors.fromResponse(response.status(), response.headers(), response.body());
        }
        return response;
    }

    private JsonNode parse(byte[] body, String what)
    {
        return Json.parseObject(body, provider + "'s answer (" + what + ")", ErrorKind.UPSTREAM_SERVER);
    }

    private String toolCallId()
    {
        return "call_" + ids.get();
    }

    /** A local Ollama sends no rate-limit headers, but a proxy or Ollama's cloud in front of it may. */
    private static Map<String, String> passedOnHeaders(Map<String, String> headers)
    {
        return UpstreamErrors.rateLimitHeaders(headers);
    }

    @Override
    public String toString()
    {
        return "OllamaAdapter[" + provider + "/" + model + ", " + settings + "]";
    }
}
