package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.ImageSource;
import io.junction.plugins.providers.common.Json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Translates an OpenAI chat request into Ollama's {@code /api/chat} body ({@code ollama_chat/}) or its
 * {@code /api/generate} body ({@code ollama/}): sampling parameters into {@code options}, {@code response_format}
 * into {@code format}, {@code reasoning_effort} into {@code think}, images into base64 {@code images}.
 */
final class OllamaRequests
{
    /** The OpenAI sampling parameters Ollama has options of the same name and meaning for. */
    private static final List<String> SAME_NAME_OPTIONS = List.of("temperature", "top_p", "seed", "frequency_penalty", "presence_penalty");
    private static final Set<String> EFFORTS = Set.of("low", "medium", "high");

    private final String model;
    private final OllamaSettings settings;

    OllamaRequests(String model, OllamaSettings settings)
    {
        this.model = model;
        this.settings = settings;
    }

    ObjectNode chat(ChatRequest request, boolean stream)
    {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.set("messages", chatMessages(request.messages()));
        body.put("stream", stream);
        body.set("options", options(request));
        format(request).ifPresent(format -> body.set("format", format));
        if (request.get("tools") instanceof ArrayNode tools && !tools.isEmpty()) {
            // Ollama takes OpenAI's tool definitions as they are
            body.set("tools", tools);
        }
        common(request, body);
        return body;
    }

    ObjectNode generate(ChatRequest request, boolean stream)
    {
        GeneratePrompt prompt = GeneratePrompt.of(request.messages());
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("prompt", prompt.prompt());
        if (!prompt.images().isEmpty()) {
            ArrayNode images = body.putArray("images");
            prompt.images().forEach(url -> images.add(base64(url)));
        }
        body.set("options", options(request));
        body.put("stream", stream);
        format(request).ifPresent(format -> body.set("format", format));
        common(request, body);
        return body;
    }

    private void common(ChatRequest request, ObjectNode body)
    {
        JsonNode keepAlive = request.has("keep_alive") ? request.get("keep_alive") : settings.keepAlive().orElse(null);
        if (keepAlive != null) {
            body.set("keep_alive", keepAlive);
        }
        if (request.has("reasoning_effort")) {
            body.set("think", think(request.get("reasoning_effort").asText()));
        }
    }

    private ArrayNode chatMessages(List<ObjectNode> messages)
    {
        // a tool result names its call by id; Ollama wants the tool's name
        Map<String, String> toolNames = new HashMap<>();
        ArrayNode translated = Json.array();
        for (ObjectNode message : messages) {
            String role = message.path("role").asText();
            ObjectNode out = translated.addObject();
            out.put("role", role.equals("developer") ? "system" : role);
            out.put("content", ChatRequest.text(message.get("content")));
            ArrayNode images = images(message.get("content"));
            if (!images.isEmpty()) {
                out.set("images", images);
            }
            if (message.path("reasoning_content").isTextual()) {
                out.put("thinking", message.path("reasoning_content").asText());
            }
            if (message.get("tool_calls") instanceof ArrayNode calls && !calls.isEmpty()) {
                ArrayNode toolCalls = out.putArray("tool_calls");
                for (JsonNode call : calls) {
                    String name = call.path("function").path("name").asText();
                    toolNames.put(call.path("id").asText(), name);
                    ObjectNode function = toolCalls.addObject().putObject("function");
                    function.put("name", name);
                    function.set("arguments", Json.argumentsObject(call.path("function").path("arguments").asText()));
                }
            }
            String toolName = toolNames.get(message.path("tool_call_id").asText(null));
            if (role.equals("tool") && toolName != null) {
                out.put("tool_name", toolName);
            }
        }
        return translated;
    }

    private static ArrayNode images(JsonNode content)
    {
        ArrayNode images = Json.array();
        if (content instanceof ArrayNode parts) {
            for (JsonNode part : parts) {
                String type = part.path("type").asText();
                if (type.equals("image_url")) {
                    JsonNode image = part.path("image_url");
                    images.add(base64(image.isTextual() ? image.asText() : image.path("url").asText()));
                }
                else if (!type.equals("text")) {
                    throw ChatRequest.invalid("messages", "ollama cannot take message content of type '" + type + "': only text and image_url parts");
                }
            }
        }
        return images;
    }

    /** Ollama takes images as bare base64; fetching a URL for it is not the gateway's job. */
    private static String base64(String url)
    {
        ImageSource image = ImageSource.parse(url);
        return image.base64Data().orElseThrow(() -> ChatRequest.invalid("messages",
                "ollama takes images inline only: send image_url as data:<media type>;base64,<data>, not a link"));
    }

    private ObjectNode options(ChatRequest request)
    {
        ObjectNode options = settings.defaultOptions().deepCopy();
        for (String name : SAME_NAME_OPTIONS) {
            OptionalDouble value = request.number(name);
            if (value.isPresent()) {
                options.set(name, request.get(name));
            }
        }
        request.maxTokens().ifPresent(max -> options.put("num_predict", max));
        List<String> stop = request.stop();
        if (!stop.isEmpty()) {
            ArrayNode sequences = options.putArray("stop");
            stop.forEach(sequences::add);
        }
        for (String name : OllamaSettings.NATIVE_OPTIONS) {
            if (request.has(name)) {
                options.set(name, request.get(name));
            }
        }
        return options;
    }

    /** {@code response_format} as Ollama's {@code format}: {@code "json"}, or the JSON schema itself. */
    private static Optional<JsonNode> format(ChatRequest request)
    {
        if (!request.has("response_format")) {
            return Optional.empty();
        }
        JsonNode format = request.get("response_format");
        return switch (format.path("type").asText()) {
            case "text" -> Optional.empty();
            case "json_object" -> Optional.of(Json.NODES.textNode("json"));
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").path("schema");
                if (!schema.isObject()) {
                    throw ChatRequest.invalid("response_format", "response_format.json_schema.schema must be a JSON schema object");
                }
                yield Optional.of(schema);
            }
            default -> throw ChatRequest.invalid("response_format", "response_format.type must be text, json_object or json_schema");
        };
    }

    /** {@code think}: gpt-oss models take an effort level, the others on or off (as LiteLLM maps it). */
    private JsonNode think(String effort)
    {
        if (model.startsWith("gpt-oss") && EFFORTS.contains(effort)) {
            return Json.NODES.textNode(effort);
        }
        return Json.NODES.booleanNode(EFFORTS.contains(effort));
    }
}
