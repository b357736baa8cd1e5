package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ToolCall;

import java.util.Optional;

/**
 * Reads the parts of a Gemini candidate's {@code content}, in order, for a whole response and for a stream's events
 * alike: text, thoughts ({@code thought: true}, shown as {@code reasoning_content}) and function calls.
 */
final class GeminiParts
{
    /** Receives what the parts hold. */
    interface Sink
    {
        void text(String text);

        void reasoning(String text);

        void toolCall(ToolCall call);
    }

    private GeminiParts() {}

    static void read(JsonNode candidate, ToolCallIds ids, Sink sink)
    {
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode functionCall = part.get("functionCall");
            if (functionCall != null && functionCall.isObject()) {
                Optional<String> signature = Optional.ofNullable(part.path("thoughtSignature").textValue());
                sink.toolCall(new ToolCall(ids.newId(signature), functionCall.path("name").asText(""),
                        Json.asArgumentsText(functionCall.get("args"))));
            }
            else if (part.path("text").isTextual()) {
                String text = part.path("text").asText();
                if (text.isEmpty()) {
                    // Gemini 3 closes a turn with an empty part that only carries a signature
                    continue;
                }
                if (part.path("thought").asBoolean(false)) {
                    sink.reasoning(text);
                }
                else {
                    sink.text(text);
                }
            }
        }
    }
}
