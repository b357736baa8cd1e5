package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.ImageSource;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.provider.ProviderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI {@code messages} in Anthropic's shape, as LiteLLM translates them: system and developer messages become the
 * top-level {@code system}; the rest become alternating {@code user}/{@code assistant} turns of content blocks, with
 * consecutive messages of one role (tool results included, which Anthropic takes from the user) merged into one turn.
 *
 * @param system the {@code system} value: a string, or text blocks when one of them carries {@code cache_control};
 *        empty when the client sent no system message
 * @param messages the turns
 */
record AnthropicMessages(Optional<JsonNode> system, ArrayNode messages)
{
    private static final String PARAM = "messages";

    static AnthropicMessages translate(List<ObjectNode> openAiMessages)
    {
        ArrayNode systemBlocks = Json.array();
        Turns turns = new Turns();
        for (int i = 0; i < openAiMessages.size(); i++) {
            ObjectNode message = openAiMessages.get(i);
            String role = message.path("role").asText();
            switch (role) {
                case "system", "developer" -> systemBlocks.addAll(systemBlocks(message, i));
                case "user" -> turns.add("user", userBlocks(message, i));
                case "tool" -> turns.add("user", List.of(toolResult(message, i)));
                case "assistant" -> turns.add("assistant", assistantBlocks(message, i));
                default -> throw ChatRequest.invalid(PARAM, "messages[" + i + "].role '" + role
                        + "' is not supported by anthropic; use system, developer, user, assistant or tool");
            }
        }
        ArrayNode messages = turns.finish();
        if (messages.isEmpty()) {
            throw ChatRequest.invalid(PARAM, "anthropic needs at least one user or assistant message besides the system messages");
        }
        return new AnthropicMessages(system(systemBlocks), messages);
    }

    private static Optional<JsonNode> system(ArrayNode blocks)
    {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        boolean cached = false;
        for (JsonNode block : blocks) {
            cached |= block.has("cache_control");
        }
        if (cached) {
            return Optional.of(blocks);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.path("text").asText());
        }
        return Optional.of(Json.NODES.textNode(text.toString()));
    }

    private static List<ObjectNode> systemBlocks(ObjectNode message, int index)
    {
        return blocks(message, index, "text parts", (part, partIndex) -> {
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw ChatRequest.invalid(PARAM, "messages[" + index + "] is a system message: its content parts must be text");
            }
            return textBlock(part.path("text").asText(), part.get("cache_control"));
        });
    }

    private static List<ObjectNode> userBlocks(ObjectNode message, int index)
    {
        return blocks(message, index, "content parts",
                (part, partIndex) -> contentBlock(part, "messages[" + index + "].content[" + partIndex + "]"));
    }

    /**
     * A message's {@code content} as blocks: a string is one text block, an array one block per part.
     *
     * @param partsKind what the array must hold, for the error when the content is neither
     */
    private static List<ObjectNode> blocks(ObjectNode message, int index, String partsKind, PartTranslation translation)
    {
        JsonNode content = message.get("content");
        List<ObjectNode> blocks;
        if (content != null && content.isTextual()) {
            blocks = List.of(textBlock(content.asText(), null));
        }
        else if (content instanceof ArrayNode parts) {
            blocks = new ArrayList<>(parts.size());
            for (int p = 0; p < parts.size(); p++) {
                blocks.add(translation.block(parts.get(p), p));
            }
        }
        else {
            throw ChatRequest.invalid(PARAM, "messages[" + index + "].content must be a string or an array of " + partsKind);
        }
        return withMessageCacheControl(blocks, message);
    }

    @FunctionalInterface
    private interface PartTranslation
    {
        ObjectNode block(JsonNode part, int partIndex);
    }

    /** A user content part: text, an image ({@code image_url}) or a PDF ({@code file} with {@code file_data}). */
    private static ObjectNode contentBlock(JsonNode part, String where)
    {
        String type = part.path("type").asText();
        ObjectNode block = switch (type) {
            case "text" -> {
                if (!part.path("text").isTextual()) {
                    throw ChatRequest.invalid(PARAM, where + " is a text part without a string 'text'");
                }
                yield textBlock(part.path("text").asText(), null);
            }
            case "image_url" -> imageBlock(part.path("image_url"), where);
            case "file" -> documentBlock(part.path("file"), where);
            default -> throw ChatRequest.invalid(PARAM, where + " has type '" + type
                    + "', which anthropic does not take; use text, image_url or file (with file_data)");
        };
        copyCacheControl(part.get("cache_control"), block);
        return block;
    }

    private static ObjectNode imageBlock(JsonNode imageUrl, String where)
    {
        // image_url is {"url": ...} in OpenAI's reference; a bare string is accepted too, as LiteLLM does
        String url = imageUrl.isTextual() ? imageUrl.asText() : imageUrl.path("url").asText(null);
        ImageSource image = parse(url, where);
        ObjectNode block = Json.object();
        block.put("type", "image");
        block.set("source", source(image));
        return block;
    }

    private static ObjectNode documentBlock(JsonNode file, String where)
    {
        String data = file.path("file_data").asText(null);
        if (data == null) {
            throw ChatRequest.invalid(PARAM, where + " is a file part without file_data; anthropic needs the document inline "
                    + "(data:application/pdf;base64,...)");
        }
        ImageSource document = parse(data, where);
        if (!document.inline()) {
            throw ChatRequest.invalid(PARAM, where + ".file.file_data must be a base64 data: URL");
        }
        ObjectNode block = Json.object();
        block.put("type", "document");
        block.set("source", source(document));
        return block;
    }

    private static ImageSource parse(String url, String where)
    {
        try {
            return ImageSource.parse(url);
        }
        catch (ProviderException e) {
            throw ChatRequest.invalid(PARAM, where + ": " + e.getMessage());
        }
    }

    private static ObjectNode source(ImageSource image)
    {
        ObjectNode source = Json.object();
        if (image.inline()) {
            source.put("type", "base64");
            source.put("media_type", image.mediaType().orElse(""));
            source.put("data", image.base64Data().orElseThrow());
        }
        else {
            source.put("type", "url");
            source.put("url", image.url().orElseThrow());
        }
        return source;
    }

    private static ObjectNode toolResult(ObjectNode message, int index)
    {
        JsonNode toolCallId = message.get("tool_call_id");
        if (toolCallId == null || !toolCallId.isTextual() || toolCallId.asText().isEmpty()) {
            throw ChatRequest.invalid(PARAM, "messages[" + index + "] is a tool message without a 'tool_call_id'");
        }
        ObjectNode block = Json.object();
        block.put("type", "tool_result");
        block.put("tool_use_id", toolCallId.asText());
        JsonNode content = message.get("content");
        if (content == null || content.isNull()) {
            block.put("content", "");
        }
        else if (content.isTextual()) {
            block.put("content", content.asText());
        }
        else if (content instanceof ArrayNode parts) {
            ArrayNode blocks = block.putArray("content");
            for (int p = 0; p < parts.size(); p++) {
                blocks.add(contentBlock(parts.get(p), "messages[" + index + "].content[" + p + "]"));
            }
        }
        else {
            throw ChatRequest.invalid(PARAM, "messages[" + index + "].content must be a string or an array of content parts");
        }
        copyCacheControl(message.get("cache_control"), block);
        return block;
    }

    /**
     * An assistant turn: the thinking blocks a client passes back (LiteLLM's {@code thinking_blocks}, which Anthropic
     * needs before tool use when thinking is on), then the text, then one {@code tool_use} per tool call.
     */
    private static List<ObjectNode> assistantBlocks(ObjectNode message, int index)
    {
        List<ObjectNode> blocks = new ArrayList<>();
        for (JsonNode thinking : message.path("thinking_blocks")) {
            if (thinking instanceof ObjectNode block) {
                blocks.add(block.deepCopy());
            }
        }
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            if (!content.asText().isEmpty()) {
                blocks.add(textBlock(content.asText(), null));
            }
        }
        else if (content instanceof ArrayNode parts) {
            for (int p = 0; p < parts.size(); p++) {
                JsonNode part = parts.get(p);
                String type = part.path("type").asText();
                if (type.equals("thinking") || type.equals("redacted_thinking")) {
                    blocks.add(((ObjectNode) part).deepCopy());
                }
                else if (type.equals("text") && part.path("text").isTextual()) {
                    // Anthropic refuses empty text blocks; an empty part says nothing
                    if (!part.path("text").asText().isEmpty()) {
                        ObjectNode block = textBlock(part.path("text").asText(), null);
                        copyCacheControl(part.get("cache_control"), block);
                        blocks.add(block);
                    }
                }
                else {
                    throw ChatRequest.invalid(PARAM, "messages[" + index + "].content[" + p + "] has type '" + type
                            + "'; an assistant message's content parts must be text");
                }
            }
        }
        else if (content != null && !content.isNull()) {
            throw ChatRequest.invalid(PARAM, "messages[" + index + "].content must be a string, an array of text parts or null");
        }
        if (message.has("function_call") && !message.get("function_call").isNull()) {
            throw ChatRequest.invalid(PARAM, "messages[" + index + "] uses the deprecated function_call; send tool_calls instead");
        }
        JsonNode toolCalls = message.path("tool_calls");
        for (int c = 0; c < toolCalls.size(); c++) {
            blocks.add(toolUse(toolCalls.get(c), "messages[" + index + "].tool_calls[" + c + "]"));
        }
        return withMessageCacheControl(blocks, message);
    }

    private static ObjectNode toolUse(JsonNode call, String where)
    {
        String id = call.path("id").asText("");
        String name = call.path("function").path("name").asText("");
        if (id.isEmpty() || name.isEmpty()) {
            throw ChatRequest.invalid(PARAM, where + " needs an 'id' and a 'function.name'");
        }
        JsonNode input;
        try {
            input = Json.argumentsObject(call.path("function").path("arguments").asText(""));
        }
        catch (ProviderException e) {
            throw ChatRequest.invalid(PARAM, where + ".function.arguments is not valid JSON");
        }
        if (!input.isObject()) {
            throw ChatRequest.invalid(PARAM, where + ".function.arguments must be a JSON object, as anthropic takes tool input");
        }
        ObjectNode block = Json.object();
        block.put("type", "tool_use");
        block.put("id", id);
        block.put("name", name);
        block.set("input", input);
        return block;
    }

    private static ObjectNode textBlock(String text, JsonNode cacheControl)
    {
        ObjectNode block = Json.object();
        block.put("type", "text");
        block.put("text", text);
        copyCacheControl(cacheControl, block);
        return block;
    }

    /** LiteLLM lets {@code cache_control} sit on the message itself: it then marks the message's last block. */
    private static List<ObjectNode> withMessageCacheControl(List<ObjectNode> blocks, ObjectNode message)
    {
        if (!blocks.isEmpty()) {
            copyCacheControl(message.get("cache_control"), blocks.getLast());
        }
        return blocks;
    }

    private static void copyCacheControl(JsonNode cacheControl, ObjectNode block)
    {
        if (cacheControl != null && cacheControl.isObject()) {
            block.set("cache_control", cacheControl.deepCopy());
        }
    }

    /** Collects blocks into turns, one per run of messages that share an Anthropic role. */
    private static final class Turns
    {
        private final ArrayNode messages = Json.array();
        private String role;
        private ArrayNode blocks;

        void add(String blockRole, List<ObjectNode> newBlocks)
        {
            if (newBlocks.isEmpty()) {
                // an assistant message with neither text nor tool calls: Anthropic refuses empty turns
                return;
            }
            if (!blockRole.equals(role)) {
                ObjectNode message = messages.addObject();
                message.put("role", blockRole);
                blocks = message.putArray("content");
                role = blockRole;
            }
            blocks.addAll(newBlocks);
        }

        ArrayNode finish()
        {
            if ("assistant".equals(role)) {
                trimFinalAssistantText();
            }
            return messages;
        }

        /** Anthropic refuses a final assistant turn (a prefill) whose text ends in whitespace; LiteLLM trims it. */
        private void trimFinalAssistantText()
        {
            JsonNode last = blocks.get(blocks.size() - 1);
            if (last instanceof ObjectNode block && "text".equals(block.path("type").asText())) {
                String trimmed = block.path("text").asText().stripTrailing();
                if (!trimmed.isEmpty()) {
                    block.put("text", trimmed);
                    return;
                }
                blocks.remove(blocks.size() - 1);
                if (blocks.isEmpty()) {
                    messages.remove(messages.size() - 1);
                }
            }
        }
    }
}
