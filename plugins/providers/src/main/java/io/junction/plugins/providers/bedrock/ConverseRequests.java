package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.ImageSource;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates an OpenAI chat request into the body of Bedrock's Converse and ConverseStream, as LiteLLM does:
 * system messages become {@code system} blocks; user, assistant and tool messages become alternating
 * {@code messages} (tool results are user turns, consecutive turns of one role are merged); sampling parameters go
 * into {@code inferenceConfig}; tools into {@code toolConfig}.
 */
final class ConverseRequests
{
    private static final Map<String, String> IMAGE_FORMATS = Map.of("image/png", "png", "image/jpeg", "jpeg", "image/jpg", "jpeg",
            "image/gif", "gif", "image/webp", "webp");

    private ConverseRequests() {}

    /**
     * @param request the client's request, its unsupported parameters already dropped or refused
     * @param modelId the Bedrock model id: only some models take a forced {@code toolChoice}
     * @param dropUnsupported LiteLLM's {@code drop_params}: {@code tool_choice: "none"} that cannot be honoured is
     *        dropped rather than refused
     */
    static ConverseRequest translate(ChatRequest request, String modelId, boolean dropUnsupported)
    {
        ObjectNode body = Json.object();
        ArrayNode system = Json.array();
        List<Turn> turns = new ArrayList<>();
        List<ObjectNode> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            ObjectNode message = messages.get(i);
            String role = message.path("role").asText();
            switch (role) {
                case "system", "developer" -> systemBlocks(message.get("content"), system);
                case "user" -> addTurn(turns, "user", userBlocks(message.get("content"), i));
                case "assistant" -> addTurn(turns, "assistant", assistantBlocks(message, i));
                case "tool" -> addTurn(turns, "user", List.of(toolResult(message, i)));
                default -> throw ChatRequest.invalid("messages", "messages[" + i + "] has the role '" + role
                        + "', which bedrock does not take (system, developer, user, assistant, tool)");
            }
        }
        ArrayNode converseMessages = body.putArray("messages");
        boolean usesTools = false;
        for (Turn turn : turns) {
            ObjectNode written = converseMessages.addObject();
            written.put("role", turn.role());
            ArrayNode content = written.putArray("content");
            turn.blocks().forEach(content::add);
            usesTools |= turn.blocks().stream().anyMatch(block -> block.has("toolUse") || block.has("toolResult"));
        }
        if (!system.isEmpty()) {
            body.set("system", system);
        }
        ObjectNode inference = inferenceConfig(request);
        if (!inference.isEmpty()) {
            body.set("inferenceConfig", inference);
        }
        Optional<ObjectNode> jsonTool = JsonMode.tool(request.get("response_format"));
        boolean forceJsonTool = jsonTool.isPresent() && !request.has("thinking") && takesToolChoice(modelId);
        toolConfig(request, jsonTool, forceJsonTool, usesTools, dropUnsupported).ifPresent(config -> body.set("toolConfig", config));
        if (request.has("thinking")) {
            // Claude's extended thinking is a model-specific field, as LiteLLM passes it
            body.putObject("additionalModelRequestFields").set("thinking", request.get("thinking"));
        }
        return new ConverseRequest(body, jsonTool.map(tool -> tool.path("function").path("name").asText()));
    }

    /** Converse takes a {@code toolChoice} that names a tool from Claude, Mistral and Nova models only (LiteLLM's list). */
    private static boolean takesToolChoice(String modelId)
    {
        return modelId.contains("anthropic.") || modelId.contains("mistral.") || modelId.contains("amazon.nova");
    }

    private static void systemBlocks(JsonNode content, ArrayNode system)
    {
        if (content != null && content.isArray()) {
            for (JsonNode part : content) {
                String text = part.path("text").asText("");
                if ("text".equals(part.path("type").asText()) && !text.isEmpty()) {
                    system.addObject().put("text", text);
                }
            }
            return;
        }
        String text = ChatRequest.text(content);
        if (!text.isEmpty()) {
            system.addObject().put("text", text);
        }
    }

    private static List<ObjectNode> userBlocks(JsonNode content, int index)
    {
        List<ObjectNode> blocks = new ArrayList<>();
        if (content == null || !content.isArray()) {
            blocks.add(textBlock(ChatRequest.text(content)));
            return blocks;
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            switch (type) {
                case "text" -> blocks.add(textBlock(part.path("text").asText("")));
                case "image_url" -> blocks.add(imageBlock(part.path("image_url"), index));
                default -> throw ChatRequest.invalid("messages", "messages[" + index + "] has a content part of type '" + type
                        + "', which bedrock does not take (text, image_url)");
            }
        }
        return blocks;
    }

    private static ObjectNode imageBlock(JsonNode imageUrl, int index)
    {
        String url = imageUrl.isTextual() ? imageUrl.asText() : imageUrl.path("url").asText(null);
        ImageSource source = ImageSource.parse(url);
        if (!source.inline()) {
            throw ChatRequest.invalid("messages", "messages[" + index + "] links an image by URL; bedrock takes images inline only. "
                    + "Send it as data:image/png;base64,...");
        }
        String mediaType = source.mediaType().orElse("").toLowerCase(Locale.ROOT);
        String format = IMAGE_FORMATS.get(mediaType);
        if (format == null) {
            throw ChatRequest.invalid("messages", "messages[" + index + "] has an image of type '" + mediaType
                    + "'; bedrock takes image/png, image/jpeg, image/gif and image/webp");
        }
        ObjectNode block = Json.object();
        ObjectNode image = block.putObject("image");
        image.put("format", format);
        image.putObject("source").put("bytes", source.base64Data().orElseThrow());
        return block;
    }

    private static List<ObjectNode> assistantBlocks(ObjectNode message, int index)
    {
        List<ObjectNode> blocks = new ArrayList<>();
        String text = ChatRequest.text(message.get("content"));
        if (!text.isEmpty()) {
            blocks.add(textBlock(text));
        }
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                JsonNode function = call.path("function");
                if (!call.path("id").isTextual() || !function.path("name").isTextual()) {
                    throw ChatRequest.invalid("messages", "messages[" + index + "].tool_calls needs an id and a function.name in each call");
                }
                ObjectNode block = Json.object();
                ObjectNode toolUse = block.putObject("toolUse");
                toolUse.put("toolUseId", call.get("id").asText());
                toolUse.put("name", function.get("name").asText());
                toolUse.set("input", Json.argumentsObject(function.path("arguments").asText("")));
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static ObjectNode toolResult(ObjectNode message, int index)
    {
        if (!message.path("tool_call_id").isTextual()) {
            throw ChatRequest.invalid("messages", "messages[" + index + "] is a tool result without a tool_call_id");
        }
        ObjectNode block = Json.object();
        ObjectNode result = block.putObject("toolResult");
        result.put("toolUseId", message.get("tool_call_id").asText());
        result.putArray("content").add(textBlock(ChatRequest.text(message.get("content"))));
        return block;
    }

    private static ObjectNode textBlock(String text)
    {
        ObjectNode block = Json.object();
        block.put("text", text);
        return block;
    }

    /** Bedrock wants roles to alternate: a turn of the same role as the last one joins it. */
    private static void addTurn(List<Turn> turns, String role, List<ObjectNode> blocks)
    {
        if (blocks.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
            turns.getLast().blocks().addAll(blocks);
            return;
        }
        turns.add(new Turn(role, new ArrayList<>(blocks)));
    }

    private static ObjectNode inferenceConfig(ChatRequest request)
    {
        ObjectNode inference = Json.object();
        request.maxTokens().ifPresent(maxTokens -> inference.put("maxTokens", maxTokens));
        // the client's numbers as written: 0.7 stays 0.7, not its nearest double
        if (request.number("temperature").isPresent()) {
            inference.set("temperature", request.get("temperature"));
        }
        if (request.number("top_p").isPresent()) {
            inference.set("topP", request.get("top_p"));
        }
        // Converse refuses empty stop sequences; LiteLLM leaves them out
        List<String> stop = request.stop().stream().filter(sequence -> !sequence.isEmpty()).toList();
        if (!stop.isEmpty()) {
            ArrayNode sequences = inference.putArray("stopSequences");
            stop.forEach(sequences::add);
        }
        return inference;
    }

    private static Optional<ObjectNode> toolConfig(ChatRequest request, Optional<ObjectNode> jsonTool, boolean forceJsonTool,
            boolean historyUsesTools, boolean dropUnsupported)
    {
        ArrayNode tools = Json.array();
        if (request.has("tools")) {
            if (!(request.get("tools") instanceof ArrayNode requested)) {
                throw ChatRequest.invalid("tools", "'tools' must be an array");
            }
            tools.addAll(requested);
        }
        jsonTool.ifPresent(tools::add);
        JsonNode toolChoice = forceJsonTool ? jsonTool.get() : request.get("tool_choice");
        boolean noToolsAllowed = toolChoice.isTextual() && toolChoice.asText().equals("none");
        if (tools.isEmpty()) {
            if (historyUsesTools) {
                throw ChatRequest.invalid("tools", "bedrock needs the tools defined when the conversation has tool calls or tool "
                        + "results. Pass the 'tools' the conversation used.");
            }
            return Optional.empty();
        }
        if (noToolsAllowed) {
            if (!historyUsesTools) {
                // Converse has no "none": a request without tools cannot call one
                return Optional.empty();
            }
            if (!dropUnsupported) {
                throw new ProviderException(ErrorKind.INVALID_REQUEST, "bedrock does not support tool_choice=none when the "
                        + "conversation has tool calls, as it needs the tools defined then. To drop it from the call, set "
                        + "`drop_params: true` under litellm_settings in the proxy config (or send \"drop_params\": true in the request).",
                        400, "unsupported_params", "tool_choice", null, Map.of(), null);
            }
        }
        ObjectNode config = Json.object();
        ArrayNode specs = config.putArray("tools");
        for (JsonNode tool : tools) {
            specs.add(toolSpec(tool));
        }
        if (!noToolsAllowed && !toolChoice.isMissingNode() && !toolChoice.isNull()) {
            config.set("toolChoice", toolChoice(toolChoice));
        }
        return Optional.of(config);
    }

    private static ObjectNode toolSpec(JsonNode tool)
    {
        JsonNode function = tool.path("function");
        if (!"function".equals(tool.path("type").asText("function")) || !function.path("name").isTextual()) {
            throw ChatRequest.invalid("tools", "each of 'tools' must be {\"type\": \"function\", \"function\": {\"name\": ...}}");
        }
        ObjectNode wrapper = Json.object();
        ObjectNode spec = wrapper.putObject("toolSpec");
        spec.put("name", function.get("name").asText());
        if (function.path("description").isTextual() && !function.get("description").asText().isEmpty()) {
            spec.put("description", function.get("description").asText());
        }
        JsonNode parameters = function.get("parameters");
        if (parameters == null || !parameters.isObject()) {
            // Converse needs a schema; LiteLLM sends an empty object schema for a tool without parameters
            ObjectNode empty = Json.object();
            empty.put("type", "object");
            empty.putObject("properties");
            parameters = empty;
        }
        spec.putObject("inputSchema").set("json", parameters);
        return wrapper;
    }

    private static ObjectNode toolChoice(JsonNode toolChoice)
    {
        ObjectNode choice = Json.object();
        if (toolChoice.isTextual()) {
            switch (toolChoice.asText()) {
                case "auto" -> choice.putObject("auto");
                case "required" -> choice.putObject("any");
                default -> throw ChatRequest.invalid("tool_choice", "bedrock does not support tool_choice=" + toolChoice.asText()
                        + ". Supported tool_choice values: 'auto', 'required', 'none', {\"type\": \"function\", \"function\": {\"name\": ...}}");
            }
            return choice;
        }
        JsonNode name = toolChoice.path("function").path("name");
        if (!name.isTextual()) {
            throw ChatRequest.invalid("tool_choice", "tool_choice must be a string or {\"type\": \"function\", \"function\": {\"name\": ...}}");
        }
        choice.putObject("tool").put("name", name.asText());
        return choice;
    }

    /**
     * A Converse body, and the tool that stands for {@code response_format} when the client asked for JSON: that
     * tool's input is the answer, returned as content.
     */
    record ConverseRequest(ObjectNode body, Optional<String> jsonTool) {}

    /** One Converse message being assembled. */
    private record Turn(String role, List<ObjectNode> blocks) {}
}
