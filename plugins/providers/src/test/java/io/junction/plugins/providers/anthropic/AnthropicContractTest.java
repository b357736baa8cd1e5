package io.junction.plugins.providers.anthropic;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.junction.plugins.providers.JsonText.quote;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.blockStop;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.error;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.event;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.message;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.messageDelta;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.messageStart;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.messageStop;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.textBlockStart;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.textDelta;

/** The anthropic adapter against the TCK's provider contract: chat, streams and tools through the Messages API. */
class AnthropicContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        // no environment: ANTHROPIC_API_KEY must not stand in for the key the kit configures
        return new AnthropicAdapterFactory(name -> null);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new AnthropicScript());
    }

    /** Anthropic has no text completions and no embeddings; it tells a rate-limited caller when to retry. */
    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.TOOLS, ProviderCapability.RETRY_AFTER,
                ProviderCapability.UPSTREAM_HTTP);
    }

    @Override
    protected Set<String> requiredParams()
    {
        return Set.of("api_key");
    }

    private static final class AnthropicScript
            implements UpstreamScript
    {
        @Override
        public NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens)
        {
            return NativeResponse.json(200, message("[{\"type\":\"text\",\"text\":" + quote(text) + "}]", "end_turn", promptTokens, completionTokens));
        }

        @Override
        public NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens)
        {
            StringBuilder events = new StringBuilder()
                    .append(messageStart("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "claude-sonnet-4-20250514",
                            "{\"input_tokens\":" + promptTokens + ",\"output_tokens\":1}"))
                    .append(textBlockStart(0))
                    .append(event("{\"type\": \"ping\"}"));
            pieces.forEach(piece -> events.append(textDelta(0, piece)));
            events.append(blockStop(0))
                    .append(messageDelta("end_turn", "{\"output_tokens\":" + completionTokens + "}"))
                    .append(messageStop());
            return NativeResponse.eventStream(events.toString());
        }

        @Override
        public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
        {
            NativeResponse error = switch (kind) {
                case RATE_LIMITED -> NativeResponse.json(429, error("rate_limit_error", message));
                case AUTHENTICATION -> NativeResponse.json(401, error("authentication_error", message));
                case UPSTREAM_SERVER -> NativeResponse.json(500, error("api_error", message));
                default -> NativeResponse.json(400, error("invalid_request_error", message));
            };
            return retryAfter.map(wait -> error.withHeader("retry-after", Long.toString(wait.toSeconds()))).orElse(error);
        }

        @Override
        public NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
        {
            return NativeResponse.json(200, message("[{\"type\":\"tool_use\",\"id\":" + quote(callId) + ",\"name\":" + quote(toolName)
                    + ",\"input\":" + argumentsJson + "}]", "tool_use", promptTokens, completionTokens));
        }
    }
}
