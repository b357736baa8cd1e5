package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ToolCall;
import io.junction.spi.provider.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one Ollama response object (a whole answer, or one NDJSON line of a stream) says, in OpenAI's terms: the
 * text of {@code message.content} ({@code /api/chat}) or {@code response} ({@code /api/generate}), the shown
 * reasoning ({@code thinking}), the tool calls (Ollama gives arguments as an object and no id: the arguments are
 * written as JSON text and an id is made up), and at {@code done} the finish reason and token counts.
 */
record OllamaAnswer(String model, String text, Optional<String> thinking, List<ToolCall> toolCalls, boolean done,
        Optional<String> doneReason, long promptEvalCount, long evalCount)
{
    OllamaAnswer
    {
        thinking = thinking.filter(value -> !value.isEmpty());
        toolCalls = List.copyOf(toolCalls);
    }

    /**
     * @param toolCallIds makes the id of each tool call ({@code call_<uuid>})
     */
    static OllamaAnswer read(JsonNode json, boolean generate, Supplier<String> toolCallIds)
    {
        JsonNode message = json.path("message");
        String text = generate ? json.path("response").asText("") : message.path("content").asText("");
        JsonNode thinking = generate ? json.path("thinking") : message.path("thinking");
        List<ToolCall> calls = new ArrayList<>();
        if (message.path("tool_calls") instanceof ArrayNode toolCalls) {
            for (JsonNode call : toolCalls) {
                JsonNode function = call.path("function");
                calls.add(new ToolCall(toolCallIds.get(), function.path("name").asText(""), Json.asArgumentsText(function.get("arguments"))));
            }
        }
        return new OllamaAnswer(json.path("model").asText(""), text, Optional.ofNullable(thinking.isTextual() ? thinking.asText() : null),
                calls, json.path("done").asBoolean(false), Optional.ofNullable(json.path("done_reason").asText(null)),
                count(json, "prompt_eval_count"), count(json, "eval_count"));
    }

    /**
     * OpenAI's finish reason: {@code length} when Ollama stopped at {@code num_predict}, {@code tool_calls} when the
     * model called tools, {@code stop} otherwise.
     */
    static String finishReason(Optional<String> doneReason, boolean calledTools)
    {
        if (doneReason.filter("length"::equals).isPresent()) {
            return "length";
        }
        return calledTools ? "tool_calls" : "stop";
    }

    /**
     * The token counts of a {@code done} object. Ollama leaves {@code prompt_eval_count} out when the whole prompt
     * came from its cache: the kernel's estimate stands in, so spend is not recorded as zero.
     */
    Usage usage(int estimatedPromptTokens)
    {
        long prompt = promptEvalCount >= 0 ? promptEvalCount : Math.max(estimatedPromptTokens, 0);
        return Usage.of(prompt, Math.max(evalCount, 0));
    }

    private static long count(JsonNode json, String name)
    {
        JsonNode value = json.get(name);
        return value != null && value.canConvertToLong() ? value.asLong() : -1;
    }
}
