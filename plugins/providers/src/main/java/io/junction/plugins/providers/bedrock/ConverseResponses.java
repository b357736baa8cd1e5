package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.CompletionWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.StopReasons;
import io.junction.plugins.providers.common.ToolCall;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a Converse answer ({@code output.message.content}, {@code stopReason}, {@code usage}) into an OpenAI
 * {@code chat.completion}: text blocks joined into the content, {@code toolUse} blocks as tool calls, reasoning
 * blocks as {@code reasoning_content}.
 */
final class ConverseResponses
{
    private ConverseResponses() {}

    /**
     * @param id the completion id ({@code chatcmpl-...}: Converse gives none)
     * @param model the model name the client sees (the Bedrock model id, as LiteLLM returns it)
     * @param jsonTool the tool standing for {@code response_format}, whose call is the answer's content
     */
    static ProviderResponse.Complete chatCompletion(byte[] converseBody, String id, String model, long created, Optional<String> jsonTool,
            Map<String, String> headers)
    {
        ObjectNode answer = Json.parseObject(converseBody, "bedrock's response", ErrorKind.UPSTREAM_SERVER);
        JsonNode content = answer.path("output").path("message").path("content");
        if (!answer.path("stopReason").isTextual()) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "bedrock's response has no stopReason");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        String jsonAnswer = null;
        for (JsonNode block : content) {
            if (block.path("text").isTextual()) {
                text.append(block.get("text").asText());
            }
            else if (block.has("toolUse")) {
                JsonNode toolUse = block.get("toolUse");
                String arguments = Json.asArgumentsText(toolUse.get("input"));
                if (jsonTool.isPresent() && jsonTool.get().equals(toolUse.path("name").asText())) {
                    jsonAnswer = arguments;
                }
                else {
                    toolCalls.add(new ToolCall(toolUse.path("toolUseId").asText(""), toolUse.path("name").asText(""), arguments));
                }
            }
            else if (block.path("reasoningContent").path("reasoningText").path("text").isTextual()) {
                reasoning.append(block.get("reasoningContent").get("reasoningText").get("text").asText());
            }
        }
        String finishReason = StopReasons.finishReason(answer.get("stopReason").asText());
        if (jsonAnswer != null && toolCalls.isEmpty()) {
            // the forced JSON tool's call is the answer, not a call the client should make (LiteLLM's json mode)
            finishReason = finishReason.equals("tool_calls") ? "stop" : finishReason;
        }
        Usage usage = ConverseResults.usage(answer.get("usage"));
        byte[] body = CompletionWriter.chatCompletion(id, model, created, jsonAnswer != null ? jsonAnswer : text.toString(),
                reasoning.isEmpty() ? Optional.empty() : Optional.of(reasoning.toString()), toolCalls, finishReason, usage);
        return new ProviderResponse.Complete(body, usage, headers);
    }
}
