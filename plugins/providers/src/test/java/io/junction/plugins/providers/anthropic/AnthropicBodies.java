package io.junction.plugins.providers.anthropic;

import io.junction.plugins.providers.common.Json;

import java.io.IOException;
import java.io.UncheckedIOException;

import static io.junction.plugins.providers.JsonText.quote;

/**
 * Anthropic's bodies as its API reference shows them (https://docs.anthropic.com/en/api/messages and
 * https://docs.anthropic.com/en/docs/build-with-claude/streaming), for the WireMock tests and the provider kit's script.
 */
final class AnthropicBodies
{
    private AnthropicBodies() {}

    /** A plain text message with fixed usage; {@code text} is put in the JSON as it is. */
    static String textMessage(String text, String stopReason)
    {
        return """
                {
                  "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
                  "type": "message",
                  "role": "assistant",
                  "model": "claude-sonnet-4-20250514",
                  "content": [{"type": "text", "text": "%s"}],
                  "stop_reason": "%s",
                  "stop_sequence": null,
                  "usage": {"input_tokens": 2095, "output_tokens": 503, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
                }
                """.formatted(text, stopReason);
    }

    /** A message of the given content blocks (a JSON array) and usage. */
    static String message(String content, String stopReason, long inputTokens, long outputTokens)
    {
        return "{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\","
                + "\"content\":" + content + ",\"stop_reason\":" + quote(stopReason) + ",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":" + inputTokens + ",\"output_tokens\":" + outputTokens
                + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}}";
    }

    /** A server-sent event as Anthropic writes it: a named event whose data repeats the name as {@code type}. */
    static String event(String json)
    {
        try {
            return "event: " + Json.MAPPER.readTree(json).path("type").asText() + "\ndata: " + json + "\n\n";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String messageStart(String messageId, String model, String usage)
    {
        return event("{\"type\":\"message_start\",\"message\":{\"id\":\"" + messageId + "\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[],\"model\":\"" + model + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage + "}}");
    }

    static String textBlockStart(int index)
    {
        return event("{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    }

    static String textDelta(int index, String text)
    {
        return event("{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text) + "}}");
    }

    /** @param partialJson a piece of the tool's input, escaped for a JSON string */
    static String inputJsonDelta(int index, String partialJson)
    {
        return event("{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\""
                + partialJson + "\"}}");
    }

    static String blockStop(int index)
    {
        return event("{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    static String messageDelta(String stopReason, String usage)
    {
        return event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null},\"usage\":" + usage + "}");
    }

    static String messageStop()
    {
        return event("{\"type\":\"message_stop\"}");
    }

    /** Anthropic's error body: {@code {"type": "error", "error": {"type", "message"}}}. */
    static String error(String type, String message)
    {
        return "{\"type\":\"error\",\"error\":{\"type\":" + quote(type) + ",\"message\":" + quote(message) + "},"
                + "\"request_id\":\"req_018EeWyXxfu5pfWkrYcMdjWG\"}";
    }
}
