package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.CompletionWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.StopReasons;
import io.junction.plugins.providers.common.ToolCall;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Anthropic {@code message} as an OpenAI {@code chat.completion}: text blocks joined into the content,
 * {@code tool_use} blocks as tool calls (their input as JSON text), {@code thinking} blocks as
 * {@code reasoning_content}; the id and model are Anthropic's, as LiteLLM returns them.
 */
final class AnthropicResponseTranslator
{
    private AnthropicResponseTranslator() {}

    record Translated(byte[] body, Usage usage) {}

    /**
     * @param jsonMode the request's {@code response_format} became the {@link AnthropicTools#JSON_TOOL_NAME} tool: its
     *        input is the content, not a tool call
     * @param created seconds since the epoch
     */
    static Translated chatCompletion(byte[] anthropicBody, boolean jsonMode, long created)
    {
        ObjectNode message = Json.parseObject(anthropicBody, "anthropic's response", ErrorKind.UPSTREAM_SERVER);
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        boolean reasoned = false;
        String jsonContent = null;
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "thinking" -> {
                    reasoning.append(block.path("thinking").asText());
                    reasoned = true;
                }
                case "tool_use" -> {
                    String arguments = Json.asArgumentsText(block.get("input"));
                    if (jsonMode && AnthropicTools.JSON_TOOL_NAME.equals(block.path("name").asText())) {
                        jsonContent = arguments;
                    }
                    else {
                        toolCalls.add(new ToolCall(block.path("id").asText(), block.path("name").asText(), arguments));
                    }
                }
                default -> {
                    // redacted thinking, server tool results, blocks Anthropic adds later: nothing OpenAI has a place for
                }
            }
        }
        String finishReason = StopReasons.finishReason(message.path("stop_reason").asText(null));
        String content = text.toString();
        if (jsonContent != null) {
            // LiteLLM answers structured output as the message itself, finished normally
            content = jsonContent;
            if (toolCalls.isEmpty()) {
                finishReason = "stop";
            }
        }
        Usage usage = AnthropicUsage.of(message.get("usage")).toUsage();
        byte[] body = CompletionWriter.chatCompletion(message.path("id").asText(), message.path("model").asText(), created, content,
                reasoned ? Optional.of(reasoning.toString()) : Optional.empty(), toolCalls, finishReason, usage);
        return new Translated(body, usage);
    }
}
