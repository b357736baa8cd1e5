package io.junction.plugins.providers.anthropic;

import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ParameterPolicy;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
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

/**
 * Serves a deployment of Anthropic's Messages API: the client's OpenAI chat request is translated into
 * {@code POST /v1/messages}, and the message (or its event stream) back into OpenAI's shape.
 */
final class AnthropicAdapter
        implements ProviderAdapter
{
    private final String upstreamModel;
    private final AnthropicSettings settings;
    private final UpstreamTimeouts timeouts;
    private final UpstreamClient upstream;
    private final InstantSource clock;
    private final ParameterPolicy parameters;
    private final AnthropicRequestTranslator translator;
    private final AnthropicErrors errors;

    AnthropicAdapter(DeploymentSpec deployment, ProviderContext context, AnthropicSettings settings)
    {
        this.upstreamModel = deployment.model();
        this.settings = settings;
        this.timeouts = deployment.timeouts();
        this.upstream = context.upstream();
        this.clock = context.clock();
        this.parameters = ParameterPolicy.of(deployment, context, AnthropicRequestTranslator.SUPPORTED);
        this.translator = new AnthropicRequestTranslator(upstreamModel, settings.defaultMaxTokens());
        this.errors = new AnthropicErrors(settings.apiKey(), clock);
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        if (request.endpoint() != Endpoint.CHAT_COMPLETIONS) {
            // the factory declares chat completions only, so the kernel should never ask
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "anthropic serves only /chat/completions, not " + request.endpoint().path());
        }
        ChatRequest chat = ChatRequest.parse(request);
        chat.removeSingleChoice();
        parameters.apply(chat);
        AnthropicRequestTranslator.Translated translated = translator.translate(chat, request.stream());
        UpstreamRequest upstreamRequest = UpstreamRequest.postJson(settings.messagesUri(), settings.headers(),
                Json.bytes(translated.body()), timeouts);
        return request.stream()
                ? stream(upstreamRequest, chat.includeUsage(), translated.jsonMode())
                : complete(upstreamRequest, translated.jsonMode());
    }

    private ProviderResponse.Complete complete(UpstreamRequest upstreamRequest, boolean jsonMode)
    {
        UpstreamResponse response = upstream.send(upstreamRequest);
        if (!response.successful()) {
            throw errors.fromResponse(response.status(), response.headers(), response.body());
        }
        AnthropicResponseTranslator.Translated translated = AnthropicResponseTranslator.chatCompletion(response.body(), jsonMode,
                clock.instant().getEpochSecond());
        return new ProviderResponse.Complete(translated.body(), translated.usage(), AnthropicErrors.passedOnHeaders(response.headers()));
    }

    private ProviderResponse.Streaming stream(UpstreamRequest upstreamRequest, boolean includeUsage, boolean jsonMode)
    {
        UpstreamStream stream = upstream.open(upstreamRequest);
        try {
            if (stream.status() < 200 || stream.status() >= 300) {
                throw errors.fromResponse(stream.status(), stream.headers(), UpstreamErrors.readErrorBody(stream.body()));
            }
            AnthropicChunkStream chunks = new AnthropicChunkStream(stream, includeUsage, errors, jsonMode, clock.instant().getEpochSecond());
            return new ProviderResponse.Streaming(chunks, AnthropicErrors.passedOnHeaders(stream.headers()));
        }
        catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    @Override
    public String toString()
    {
        return "AnthropicAdapter[anthropic/" + upstreamModel + ", " + settings + "]";
    }
}
