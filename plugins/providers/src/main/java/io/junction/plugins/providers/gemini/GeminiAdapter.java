package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
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

import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Serves a Gemini deployment, on Google AI Studio or Vertex AI ({@link GeminiApi} says which): OpenAI chat requests
 * become {@code generateContent} calls (streamed as server-sent events when asked), OpenAI embedding requests become
 * the API's embedding call, and the answers are translated back.
 */
final class GeminiAdapter
        implements ProviderAdapter
{
    private final String provider;
    private final String model;
    private final GeminiApi api;
    private final ParameterPolicy chatParameters;
    private final ParameterPolicy embeddingParameters;
    private final UpstreamTimeouts timeouts;
    private final UpstreamClient upstream;
    private final InstantSource clock;
    private final ToolCallIds ids;
    private final GeminiErrors errors;

    GeminiAdapter(DeploymentSpec deployment, ProviderContext context, GeminiApi api, Supplier<UUID> uuids)
    {
        this.provider = deployment.provider();
        this.model = deployment.model();
        this.api = api;
        this.chatParameters = ParameterPolicy.of(deployment, context, GeminiChatRequest.SUPPORTED_PARAMETERS);
        this.embeddingParameters = chatParameters.supporting(GeminiEmbeddings.SUPPORTED_PARAMETERS);
        this.timeouts = deployment.timeouts();
        this.upstream = context.upstream();
        this.clock = context.clock();
        this.ids = new ToolCallIds(uuids);
        this.errors = new GeminiErrors(provider, api::secrets, clock);
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        return switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> chat(request);
            case EMBEDDINGS -> embeddings(request);
            case COMPLETIONS -> throw new ProviderException(ErrorKind.INVALID_REQUEST, provider
                    + " does not serve /v1/completions; use /v1/chat/completions");
        };
    }

    private ProviderResponse chat(ProviderRequest request)
    {
        ChatRequest chat = ChatRequest.parse(request);
        chat.removeSingleChoice();
        chatParameters.apply(chat);
        byte[] body = Json.bytes(GeminiChatRequest.translate(chat));
        UpstreamRequest upstreamRequest = UpstreamRequest.postJson(api.generateContent(request.stream()), api.headers(), body, timeouts);
        if (request.stream()) {
            return stream(upstreamRequest, chat.includeUsage());
        }
        UpstreamResponse response = upstream.send(upstreamRequest);
        if (!response.successful()) {
            throw errors.fromResponse(response.status(), response.headers(), response.body());
        }
        return GeminiResponses.toCompletion(response.body(), UpstreamErrors.rateLimitHeaders(response.headers()), provider, model,
                clock.instant().getEpochSecond(), ids, errors);
    }

    private ProviderResponse.Streaming stream(UpstreamRequest upstreamRequest, boolean includeUsage)
    {
        UpstreamStream stream = upstream.open(upstreamRequest);
        try {
            if (stream.status() < 200 || stream.status() >= 300) {
                throw errors.fromResponse(stream.status(), stream.headers(), UpstreamErrors.readErrorBody(stream.body()));
            }
            return new ProviderResponse.Streaming(new GeminiChunkStream(stream, includeUsage, errors, ids, provider, model, clock),
                    UpstreamErrors.rateLimitHeaders(stream.headers()));
        }
        catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private ProviderResponse embeddings(ProviderRequest request)
    {
        ChatRequest embedding = ChatRequest.parse(request);
        embeddingParameters.apply(embedding);
        GeminiEmbeddings.Input input = GeminiEmbeddings.Input.parse(embedding);
        GeminiEmbeddings.Api format = api.embeddingsApi();
        byte[] body = Json.bytes(format.request(model, input));
        UpstreamResponse response = upstream.send(UpstreamRequest.postJson(api.embeddings(), api.headers(), body, timeouts));
        if (!response.successful()) {
            throw errors.fromResponse(response.status(), response.headers(), response.body());
        }
        ObjectNode answer = Json.parseObject(response.body(), provider + "'s embedding response", ErrorKind.UPSTREAM_SERVER);
        GeminiEmbeddings.Vectors vectors = format.response(answer);
        byte[] openAi = GeminiEmbeddings.toOpenAi(vectors, input, model, provider, request.estimatedPromptTokens());
        return new ProviderResponse.Complete(openAi, GeminiEmbeddings.usage(vectors, request.estimatedPromptTokens()),
                UpstreamErrors.rateLimitHeaders(response.headers()));
    }

    @Override
    public String toString()
    {
        return "GeminiAdapter[" + provider + "/" + model + ", " + api + "]";
    }
}
