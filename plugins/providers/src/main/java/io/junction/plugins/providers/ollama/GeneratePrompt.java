package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.provider.ProviderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The single prompt {@code ollama/} models get on {@code /api/generate}, built from the chat messages the way
 * LiteLLM's {@code ollama_pt} does: consecutive user (and tool) messages merged under {@code ### User:}, system
 * messages under {@code ### System:}, assistant messages (and the tool calls they made) under {@code ### Assistant:};
 * images of user messages collected for the request's {@code images}.
 *
 * @param images the image_url values (data: URLs or URLs) in message order
 */
record GeneratePrompt(String prompt, List<String> images)
{
    private static final Set<String> USER_ROLES = Set.of("user", "tool", "function");
    private static final Set<String> SYSTEM_ROLES = Set.of("system", "developer");

    GeneratePrompt
    {
        images = List.copyOf(images);
    }

    static GeneratePrompt of(List<ObjectNode> messages)
    {
        StringBuilder prompt = new StringBuilder();
        List<String> images = new ArrayList<>();
        int i = 0;
        while (i < messages.size()) {
            int start = i;
            StringBuilder user = new StringBuilder();
            while (i < messages.size() && USER_ROLES.contains(role(messages.get(i)))) {
                appendUserContent(messages.get(i).get("content"), user, images);
                i++;
            }
            section(prompt, "User", user);

            StringBuilder system = new StringBuilder();
            while (i < messages.size() && SYSTEM_ROLES.contains(role(messages.get(i)))) {
                system.append(joinedText(messages.get(i).get("content")));
                i++;
            }
            section(prompt, "System", system);

            StringBuilder assistant = new StringBuilder();
            while (i < messages.size() && role(messages.get(i)).equals("assistant")) {
                assistant.append(joinedText(messages.get(i).get("content")));
                appendToolCalls(messages.get(i).get("tool_calls"), assistant);
                i++;
            }
            section(prompt, "Assistant", assistant);

            if (i == start) {
                throw ChatRequest.invalid("messages", "messages[" + i + "] has the role '" + role(messages.get(i))
                        + "', which ollama/ models cannot take: use system, user, assistant or tool");
            }
        }
        return new GeneratePrompt(prompt.toString(), images);
    }

    private static void section(StringBuilder prompt, String title, StringBuilder content)
    {
        if (!content.isEmpty()) {
            prompt.append("### ").append(title).append(":\n").append(content).append("\n\n");
        }
    }

    private static void appendUserContent(JsonNode content, StringBuilder user, List<String> images)
    {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            user.append(content.asText());
            return;
        }
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> user.append(part.path("text").asText());
                case "image_url" -> images.add(part.path("image_url").isTextual() ? part.path("image_url").asText()
                        : part.path("image_url").path("url").asText());
                default -> throw unsupportedPart(part);
            }
        }
    }

    /** Text parts joined without a separator, as LiteLLM's {@code convert_content_list_to_str} does. */
    private static String joinedText(JsonNode content)
    {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }

    private static void appendToolCalls(JsonNode toolCalls, StringBuilder assistant)
    {
        if (!(toolCalls instanceof ArrayNode calls) || calls.isEmpty()) {
            return;
        }
        ArrayNode written = Json.array();
        for (JsonNode call : calls) {
            ObjectNode function = Json.object();
            function.put("name", call.path("function").path("name").asText());
            function.set("arguments", Json.argumentsObject(call.path("function").path("arguments").asText()));
            ObjectNode entry = written.addObject();
            entry.put("id", call.path("id").asText());
            entry.put("type", "function");
            entry.set("function", function);
        }
        try {
            assistant.append("Tool Calls: ").append(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(written));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static ProviderException unsupportedPart(JsonNode part)
    {
        return ChatRequest.invalid("messages", "ollama cannot take message content of type '" + part.path("type").asText()
                + "': only text and image_url parts");
    }

    private static String role(ObjectNode message)
    {
        return message.path("role").asText();
    }
}
