package io.junction.plugins.providers.gemini;

import io.junction.spi.ErrorKind;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.UpstreamScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.junction.plugins.providers.JsonText.numbers;
import static io.junction.plugins.providers.JsonText.quote;

/**
 * Gemini's answers for the provider kit, as the Gemini API reference shows them (https://ai.google.dev/api): the
 * {@code generateContent} format both Google AI Studio and Vertex AI speak, Google's error object with its
 * {@code RetryInfo}, and AI Studio's {@code batchEmbedContents}. Vertex overrides the embedding ({@code predict}).
 */
class GeminiScript
        implements UpstreamScript
{
    @Override
    public NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens)
    {
        return NativeResponse.json(200, answer("[{\"text\":" + quote(text) + "}]", promptTokens, completionTokens));
    }

    @Override
    public NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens)
    {
        // Gemini's SSE: one whole GenerateContentResponse per event, the finish reason and the final usage on the last
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            events.append("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":").append(quote(pieces.get(i))).append("}],\"role\":\"model\"}")
                    .append(last ? ",\"finishReason\":\"STOP\"" : "").append(",\"index\":0}],")
                    .append("\"usageMetadata\":").append(usage(promptTokens, last ? completionTokens : 0))
                    .append(",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"tTCwacuEBMvnitYP06qsgQY\"}\r\n\r\n");
        }
        return NativeResponse.eventStream(events.toString());
    }

    @Override
    public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
    {
        String retryInfo = retryAfter.map(wait -> "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + wait.toSeconds() + "s\"}]")
                .orElse("[]");
        return switch (kind) {
            case RATE_LIMITED -> error(429, message, "RESOURCE_EXHAUSTED", retryInfo);
            case AUTHENTICATION -> authenticationError(message);
            case UPSTREAM_SERVER -> error(500, message, "INTERNAL", "[]");
            default -> error(400, message, "INVALID_ARGUMENT", "[]");
        };
    }

    /** AI Studio answers a bad key with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID. */
    NativeResponse authenticationError(String message)
    {
        return error(400, message, "INVALID_ARGUMENT", "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                + "\"domain\":\"googleapis.com\",\"metadata\":{\"service\":\"generativelanguage.googleapis.com\"}}]");
    }

    @Override
    public NativeResponse nativeEmbedding(float[] vector, long promptTokens)
    {
        return NativeResponse.json(200, "{\"embeddings\":[{\"values\":" + numbers(vector) + "}],\"usageMetadata\":{\"promptTokenCount\":"
                + promptTokens + ",\"totalTokenCount\":" + promptTokens + "}}");
    }

    @Override
    public NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
    {
        // Gemini gives a function call no id: the adapter makes one, so callId has no place here
        return NativeResponse.json(200, answer("[{\"functionCall\":{\"name\":" + quote(toolName) + ",\"args\":" + argumentsJson + "}}]",
                promptTokens, completionTokens));
    }

    /** Google's error object: {@code {"error": {"code", "message", "status", "details"}}}. */
    static NativeResponse error(int status, String message, String googleStatus, String details)
    {
        return NativeResponse.json(status, GeminiBodies.error(status, message, googleStatus, details));
    }

    private static String answer(String parts, long promptTokens, long completionTokens)
    {
        return "{\"candidates\":[{\"content\":{\"parts\":" + parts + ",\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":" + usage(promptTokens, completionTokens) + ",\"modelVersion\":\"gemini-2.5-flash\","
                + "\"responseId\":\"tTCwacuEBMvnitYP06qsgQY\"}";
    }

    private static String usage(long promptTokens, long completionTokens)
    {
        return "{\"promptTokenCount\":" + promptTokens + ",\"candidatesTokenCount\":" + completionTokens + ",\"totalTokenCount\":"
                + (promptTokens + completionTokens) + "}";
    }
}
