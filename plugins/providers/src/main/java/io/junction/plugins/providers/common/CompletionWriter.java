package io.junction.plugins.providers.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.spi.provider.Usage;

import java.util.List;
import java.util.Optional;

/** Writes an OpenAI {@code chat.completion} body for a translated answer: one choice, the message and the usage. */
public final class CompletionWriter
{
    private CompletionWriter() {}

    /**
     * @param content the answer's text, empty when the model only called tools (written as null, as OpenAI does)
     * @param reasoning the model's shown reasoning, if any ({@code reasoning_content}, as LiteLLM names it)
     */
    public static byte[] chatCompletion(String id, String model, long created, String content, Optional<String> reasoning,
            List<ToolCall> toolCalls, String finishReason, Usage usage)
    {
        ObjectNode body = Json.object();
        body.put("id", id);
        body.put("object", "chat.completion");
        body.put("created", created);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (content.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        }
        else {
            message.put("content", content);
        }
        reasoning.ifPresent(text -> message.put("reasoning_content", text));
        if (!toolCalls.isEmpty()) {
            var calls = message.putArray("tool_calls");
            for (ToolCall call : toolCalls) {
                ObjectNode written = calls.addObject();
                written.put("id", call.id());
                written.put("type", "function");
                written.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (usage.known()) {
            body.set("usage", usageJson(usage));
        }
        return Json.bytes(body);
    }

    /** OpenAI's {@code usage} object, with cached prompt tokens under {@code prompt_tokens_details}. */
    public static ObjectNode usageJson(Usage usage)
    {
        ObjectNode json = Json.object();
        json.put("prompt_tokens", usage.promptTokens());
        json.put("completion_tokens", usage.completionTokens());
        json.put("total_tokens", usage.totalTokens());
        ObjectNode details = json.putObject("prompt_tokens_details");
        details.put("cached_tokens", usage.cachedPromptTokens());
        if (usage.cacheCreationTokens() > 0) {
            // Anthropic's prompt-cache writes, as LiteLLM reports them
            json.put("cache_creation_input_tokens", usage.cacheCreationTokens());
            json.put("cache_read_input_tokens", usage.cachedPromptTokens());
        }
        return json;
    }
}
