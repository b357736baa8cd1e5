package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.ImageSource;
import io.junction.plugins.providers.common.Json;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenAI {@code messages} as Gemini's {@code contents} and {@code system_instruction}, the way LiteLLM translates them:
 * system and developer messages join the system instruction; assistant turns become {@code model} turns, their tool
 * calls {@code functionCall} parts; tool results become {@code functionResponse} parts of a user turn, named after the
 * call they answer; consecutive turns of one role merge into one, as Gemini wants all answers to a turn's calls together.
 *
 * @param contents the conversation
 * @param systemInstruction {@code {parts: [{text}]}}, if any system text was given
 */
record GeminiContents(ArrayNode contents, Optional<ObjectNode> systemInstruction)
{
    private static final String USER = "user";
    private static final String MODEL = "model";

    GeminiContents
    {
        Objects.requireNonNull(contents, "contents is null");
        Objects.requireNonNull(systemInstruction, "systemInstruction is null");
    }

    static GeminiContents from(List<ObjectNode> messages)
    {
        ArrayNode contents = Json.array();
        ArrayNode systemParts = Json.array();
        Map<String, String> toolNamesById = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            ObjectNode message = messages.get(i);
            String role = message.path("role").asText();
            switch (role) {
                case "system", "developer" -> {
                    String text = ChatRequest.text(message.get("content"));
                    if (!text.isEmpty()) {
                        systemParts.addObject().put("text", text);
                    }
                }
                case "user" -> append(contents, USER, userParts(message.get("content"), i));
                case "assistant" -> append(contents, MODEL, assistantParts(message, i, toolNamesById));
                case "tool", "function" -> append(contents, USER, functionResponse(message, i, toolNamesById));
                default -> throw ChatRequest.invalid("messages", "messages[" + i + "] has the role '" + role
                        + "', which is none of system, developer, user, assistant, tool");
            }
        }
        if (systemParts.isEmpty()) {
            return new GeminiContents(contents, Optional.empty());
        }
        if (contents.isEmpty()) {
            // Gemini requires contents: a prompt given only as system text is sent as the user's turn
            append(contents, USER, systemParts);
            return new GeminiContents(contents, Optional.empty());
        }
        ObjectNode instruction = Json.object();
        instruction.set("parts", systemParts);
        return new GeminiContents(contents, Optional.of(instruction));
    }

    private static void append(ArrayNode contents, String role, ArrayNode parts)
    {
        if (parts.isEmpty()) {
            // Gemini refuses a turn without parts; an empty message says nothing anyway
            return;
        }
        if (!contents.isEmpty()) {
            ObjectNode last = (ObjectNode) contents.get(contents.size() - 1);
            if (role.equals(last.path("role").asText())) {
                ((ArrayNode) last.get("parts")).addAll(parts);
                return;
            }
        }
        ObjectNode content = contents.addObject();
        content.put("role", role);
        content.set("parts", parts);
    }

    private static ArrayNode userParts(JsonNode content, int index)
    {
        ArrayNode parts = Json.array();
        if (content == null || content.isNull()) {
            return parts;
        }
        if (content.isTextual()) {
            addText(parts, content.asText());
            return parts;
        }
        if (!content.isArray()) {
            throw ChatRequest.invalid("messages", "messages[" + index + "].content must be a string or an array of content parts");
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            switch (type) {
                case "text" -> addText(parts, part.path("text").asText(""));
                case "image_url" -> parts.add(image(part.path("image_url"), index));
                case "input_audio" -> parts.add(audio(part.path("input_audio"), index));
                case "file" -> parts.add(file(part.path("file"), index));
                default -> throw ChatRequest.invalid("messages", "messages[" + index + "] has a content part of type '" + type
                        + "', which gemini does not take (text, image_url, input_audio and file are translated)");
            }
        }
        return parts;
    }

    private static void addText(ArrayNode parts, String text)
    {
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }

    /** A data URL inline; a link ({@code gs://}, {@code https://}) as {@code file_data}, its type from the extension. */
    private static ObjectNode image(JsonNode imageUrl, int index)
    {
        String url = imageUrl.isTextual() ? imageUrl.asText() : imageUrl.path("url").asText(null);
        ImageSource source = ImageSource.parse(url);
        if (source.inline()) {
            return inlineData(source.mediaType().orElseThrow(), source.base64Data().orElseThrow());
        }
        // LiteLLM's default for a link whose type cannot be told from its name
        String mimeType = Optional.ofNullable(imageUrl.path("format").textValue())
                .or(() -> MimeTypes.fromUrl(url))
                .orElse("image/jpeg");
        return fileData(mimeType, url);
    }

    private static ObjectNode audio(JsonNode audio, int index)
    {
        String data = audio.path("data").asText("");
        String format = audio.path("format").asText("");
        if (data.isEmpty() || format.isEmpty()) {
            throw ChatRequest.invalid("messages", "messages[" + index + "] has an input_audio part without data and format");
        }
        return inlineData("audio/" + format, data);
    }

    private static ObjectNode file(JsonNode file, int index)
    {
        String fileData = file.path("file_data").asText("");
        if (!fileData.isEmpty()) {
            ImageSource source = ImageSource.parse(fileData);
            if (!source.inline()) {
                throw ChatRequest.invalid("messages", "messages[" + index + "] has a file part whose file_data is not a base64 data URL");
            }
            return inlineData(source.mediaType().orElseThrow(), source.base64Data().orElseThrow());
        }
        String fileId = file.path("file_id").asText("");
        if (fileId.isEmpty()) {
            throw ChatRequest.invalid("messages", "messages[" + index + "] has a file part without file_data or file_id");
        }
        String mimeType = Optional.ofNullable(file.path("format").textValue())
                .or(() -> MimeTypes.fromUrl(fileId))
                .orElseThrow(() -> ChatRequest.invalid("messages", "messages[" + index + "] has a file part whose type cannot be "
                        + "told from its file_id; set file.format to its MIME type (e.g. application/pdf)"));
        return fileData(mimeType, fileId);
    }

    private static ObjectNode inlineData(String mimeType, String base64)
    {
        ObjectNode part = Json.object();
        part.putObject("inline_data").put("mime_type", mimeType).put("data", base64);
        return part;
    }

    private static ObjectNode fileData(String mimeType, String uri)
    {
        ObjectNode part = Json.object();
        part.putObject("file_data").put("mime_type", mimeType).put("file_uri", uri);
        return part;
    }

    private static ArrayNode assistantParts(ObjectNode message, int index, Map<String, String> toolNamesById)
    {
        ArrayNode parts = Json.array();
        addText(parts, ChatRequest.text(message.get("content")));
        JsonNode toolCalls = message.path("tool_calls");
        for (JsonNode call : toolCalls) {
            String id = call.path("id").asText("");
            String name = call.path("function").path("name").asText("");
            if (name.isEmpty()) {
                throw ChatRequest.invalid("messages", "messages[" + index + "] has a tool call without function.name");
            }
            toolNamesById.put(id, name);
            ObjectNode part = parts.addObject();
            ObjectNode functionCall = part.putObject("functionCall");
            functionCall.put("name", name);
            functionCall.set("args", Json.argumentsObject(call.path("function").path("arguments").asText("")));
            // a Gemini 3 model refuses its own call sent back without the signature it gave it
            ToolCallIds.thoughtSignature(id).ifPresent(signature -> part.put("thoughtSignature", signature));
        }
        return parts;
    }

    private static ArrayNode functionResponse(ObjectNode message, int index, Map<String, String> toolNamesById)
    {
        String callId = message.path("tool_call_id").asText("");
        String name = toolNamesById.getOrDefault(callId, message.path("name").asText(""));
        if (name.isEmpty()) {
            throw ChatRequest.invalid("messages", "messages[" + index + "] answers tool call '" + callId
                    + "', which no earlier assistant message made; gemini needs the function's name");
        }
        ArrayNode parts = Json.array();
        ObjectNode functionResponse = parts.addObject().putObject("functionResponse");
        functionResponse.put("name", name);
        functionResponse.set("response", responseObject(ChatRequest.text(message.get("content"))));
        return parts;
    }

    /** A result that is a JSON object is sent as that object; anything else as {@code {"content": text}}, as LiteLLM does. */
    private static ObjectNode responseObject(String text)
    {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(trimmed);
                if (parsed instanceof ObjectNode object) {
                    return object;
                }
            }
            catch (IOException e) {
                // not JSON after all: sent as text below
            }
        }
        ObjectNode wrapped = Json.object();
        wrapped.put("content", text);
        return wrapped;
    }
}
