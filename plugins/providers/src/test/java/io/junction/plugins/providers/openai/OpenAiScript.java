package io.junction.plugins.providers.openai;

import io.junction.spi.ErrorKind;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.UpstreamScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.junction.plugins.providers.JsonText.numbers;
import static io.junction.plugins.providers.JsonText.quote;
import static io.junction.plugins.providers.openai.OpenAiBodies.chunk;
import static io.junction.plugins.providers.openai.OpenAiBodies.error;
import static io.junction.plugins.providers.openai.OpenAiBodies.events;
import static io.junction.plugins.providers.openai.OpenAiBodies.usage;
import static io.junction.plugins.providers.openai.OpenAiBodies.usageChunk;

/**
 * OpenAI's answers for the provider kit: the format the openai adapter passes through, and Azure OpenAI's too. A
 * subclass may say what its server adds to a stream ({@link #streamPrologue()}).
 */
public class OpenAiScript
        implements UpstreamScript
{
    @Override
    public NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens)
    {
        return NativeResponse.json(200, "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text)
                + ",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":" + usage(promptTokens, completionTokens, 0) + ",\"system_fingerprint\":\"fp_6ec83003ad\"}");
    }

    @Override
    public NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens)
    {
        List<String> chunks = new ArrayList<>(streamPrologue());
        chunks.add(chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
        pieces.forEach(piece -> chunks.add(chunk("{\"content\":" + quote(piece) + "}", "null")));
        chunks.add(chunk("{}", "\"stop\""));
        chunks.add(usageChunk(promptTokens, completionTokens, 0));
        return NativeResponse.eventStream(events(chunks) + "data: [DONE]\n\n");
    }

    /** Chunks the server sends before the assistant's first; none from OpenAI. */
    protected List<String> streamPrologue()
    {
        return List.of();
    }

    @Override
    public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
    {
        NativeResponse error = switch (kind) {
            case RATE_LIMITED -> NativeResponse.json(429, error(message, "requests", null, "rate_limit_exceeded"));
            case AUTHENTICATION -> NativeResponse.json(401, error(message, "invalid_request_error", null, "invalid_api_key"));
            case UPSTREAM_SERVER -> NativeResponse.json(500, error(message, "server_error", null, null));
            default -> NativeResponse.json(400, error(message, "invalid_request_error", null, null));
        };
        return retryAfter.map(wait -> error.withHeader("retry-after", Long.toString(wait.toSeconds()))).orElse(error);
    }

    @Override
    public NativeResponse nativeTextCompletion(String text, long promptTokens, long completionTokens)
    {
        return NativeResponse.json(200, "{\"id\":\"cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7\",\"object\":\"text_completion\",\"created\":1589478378,"
                + "\"model\":\"gpt-3.5-turbo-instruct\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"text\":" + quote(text)
                + ",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":" + usage(promptTokens, completionTokens, 0) + "}");
    }

    @Override
    public NativeResponse nativeEmbedding(float[] vector, long promptTokens)
    {
        return NativeResponse.json(200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":" + numbers(vector)
                + "}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"total_tokens\":" + promptTokens + "}}");
    }

    @Override
    public NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
    {
        return NativeResponse.json(200, "{\"id\":\"chatcmpl-abc123\",\"object\":\"chat.completion\",\"created\":1699896916,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":" + quote(callId) + ",\"type\":\"function\",\"function\":{\"name\":" + quote(toolName)
                + ",\"arguments\":" + quote(argumentsJson) + "}}]},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":" + usage(promptTokens, completionTokens, 0) + "}");
    }
}
