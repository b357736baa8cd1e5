package io.junction.plugins.providers.ollama;

import io.junction.spi.ErrorKind;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.UpstreamScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.junction.plugins.providers.JsonText.numbers;
import static io.junction.plugins.providers.JsonText.quote;
import static io.junction.plugins.providers.ollama.OllamaBodies.chatAnswer;
import static io.junction.plugins.providers.ollama.OllamaBodies.chatMessage;
import static io.junction.plugins.providers.ollama.OllamaBodies.generateLine;
import static io.junction.plugins.providers.ollama.OllamaBodies.line;
import static io.junction.plugins.providers.ollama.OllamaBodies.ndjson;

/** Ollama's answers for the provider kit, from {@code /api/chat} or from {@code /api/generate}; both embed on {@code /api/embed}. */
final class OllamaScript
        implements UpstreamScript
{
    private final boolean generate;

    private OllamaScript(boolean generate)
    {
        this.generate = generate;
    }

    /** {@code ollama_chat/} models. */
    static OllamaScript chat()
    {
        return new OllamaScript(false);
    }

    /** {@code ollama/} models. */
    static OllamaScript generate()
    {
        return new OllamaScript(true);
    }

    @Override
    public NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens)
    {
        return NativeResponse.json(200, generate
                ? generateLine(text, true, "stop", promptTokens, completionTokens)
                : chatAnswer(text, "stop", promptTokens, completionTokens));
    }

    @Override
    public NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens)
    {
        List<String> lines = new ArrayList<>();
        for (String piece : pieces) {
            lines.add(generate ? generateLine(piece, false, null, 0, 0) : line(piece, false));
        }
        // the last line carries no text: the reason and the counts
        lines.add(generate ? generateLine("", true, "stop", promptTokens, completionTokens) : chatAnswer("", "stop", promptTokens, completionTokens));
        return NativeResponse.of(200, OllamaBodies.NDJSON, ndjson(lines.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
    {
        int status = switch (kind) {
            case RATE_LIMITED -> 429;
            // ollama.com, or a proxy in front of a local server, refusing the bearer token
            case AUTHENTICATION -> 401;
            case UPSTREAM_SERVER -> 500;
            default -> 400;
        };
        return NativeResponse.json(status, "{\"error\":" + quote(message) + "}");
    }

    @Override
    public NativeResponse nativeEmbedding(float[] vector, long promptTokens)
    {
        return NativeResponse.json(200, "{\"model\":\"all-minilm\",\"embeddings\":[" + numbers(vector) + "],\"total_duration\":14143917,"
                + "\"load_duration\":1019500,\"prompt_eval_count\":" + promptTokens + "}");
    }

    @Override
    public NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
    {
        // Ollama gives a tool call no id: the adapter makes one
        return NativeResponse.json(200, chatMessage("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                + quote(toolName) + ",\"arguments\":" + argumentsJson + "}}]}", "stop", promptTokens, completionTokens));
    }
}
