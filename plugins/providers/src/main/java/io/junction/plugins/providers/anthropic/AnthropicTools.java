package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;

import java.util.List;
import java.util.Optional;

/**
 * OpenAI {@code tools}, {@code tool_choice}, {@code parallel_tool_calls} and {@code response_format} in Anthropic's
 * terms, as LiteLLM maps them.
 */
final class AnthropicTools
{
    /**
     * LiteLLM's {@code RESPONSE_FORMAT_TOOL_NAME}: a structured-output request becomes a tool of this name that the
     * model is made to call, and its input is handed back as the message content.
     */
    static final String JSON_TOOL_NAME = "json_tool_call";

    /** Anthropic's own server-side tools, passed on as the client wrote them ({@code web_search_20250305}...). */
    private static final List<String> HOSTED_TOOL_PREFIXES = List.of("web_search", "bash", "text_editor", "code_execution");

    private AnthropicTools() {}

    /** {@code tools}: functions become {@code {name, description, input_schema}}; Anthropic-shaped tools pass as they are. */
    static ArrayNode tools(JsonNode tools)
    {
        if (!tools.isArray()) {
            throw ChatRequest.invalid("tools", "'tools' must be an array");
        }
        ArrayNode translated = Json.array();
        for (int i = 0; i < tools.size(); i++) {
            translated.add(tool(tools.get(i), "tools[" + i + "]"));
        }
        return translated;
    }

    private static ObjectNode tool(JsonNode tool, String where)
    {
        if (!(tool instanceof ObjectNode object)) {
            throw ChatRequest.invalid("tools", where + " must be an object");
        }
        String type = object.path("type").asText("");
        if (object.has("input_schema") || HOSTED_TOOL_PREFIXES.stream().anyMatch(type::startsWith)) {
            return object.deepCopy();
        }
        if (!type.equals("function")) {
            throw ChatRequest.invalid("tools", where + " has type '" + type + "', which anthropic does not take; use function");
        }
        JsonNode function = object.path("function");
        String name = function.path("name").asText("");
        if (name.isEmpty()) {
            throw ChatRequest.invalid("tools", where + ".function.name is required");
        }
        ObjectNode translated = Json.object();
        translated.put("name", name);
        if (function.path("description").isTextual()) {
            translated.put("description", function.path("description").asText());
        }
        JsonNode parameters = function.get("parameters");
        if (parameters instanceof ObjectNode schema) {
            translated.set("input_schema", schema.deepCopy());
        }
        else {
            // Anthropic requires a schema; a function without parameters takes an empty object
            ObjectNode schema = translated.putObject("input_schema");
            schema.put("type", "object");
            schema.putObject("properties");
        }
        JsonNode cacheControl = object.has("cache_control") ? object.get("cache_control") : function.get("cache_control");
        if (cacheControl != null && cacheControl.isObject()) {
            translated.set("cache_control", cacheControl.deepCopy());
        }
        return translated;
    }

    /**
     * {@code tool_choice} and {@code parallel_tool_calls}: auto, none, required (Anthropic's {@code any}) or one named
     * function ({@code tool}); {@code parallel_tool_calls} is the inverse of {@code disable_parallel_tool_use}, which
     * needs a choice to sit in ({@code auto} when the client gave none), and means nothing with {@code none}.
     */
    static Optional<ObjectNode> toolChoice(JsonNode toolChoice, JsonNode parallelToolCalls)
    {
        ObjectNode choice = null;
        if (toolChoice != null && !toolChoice.isNull()) {
            choice = Json.object();
            if (toolChoice.isTextual()) {
                switch (toolChoice.asText()) {
                    case "auto" -> choice.put("type", "auto");
                    case "none" -> choice.put("type", "none");
                    case "required" -> choice.put("type", "any");
                    default -> throw ChatRequest.invalid("tool_choice", "'tool_choice' must be auto, none, required or "
                            + "{\"type\": \"function\", \"function\": {\"name\": ...}} but was '" + toolChoice.asText() + "'");
                }
            }
            else if (toolChoice.path("function").path("name").isTextual()) {
                choice.put("type", "tool");
                choice.put("name", toolChoice.path("function").path("name").asText());
            }
            else {
                throw ChatRequest.invalid("tool_choice", "'tool_choice' must be auto, none, required or "
                        + "{\"type\": \"function\", \"function\": {\"name\": ...}}");
            }
        }
        if (parallelToolCalls != null && !parallelToolCalls.isNull()) {
            if (!parallelToolCalls.isBoolean()) {
                throw ChatRequest.invalid("parallel_tool_calls", "'parallel_tool_calls' must be true or false");
            }
            if (choice == null) {
                choice = Json.object();
                choice.put("type", "auto");
            }
            if (!"none".equals(choice.path("type").asText())) {
                choice.put("disable_parallel_tool_use", !parallelToolCalls.asBoolean());
            }
        }
        return Optional.ofNullable(choice);
    }

    /**
     * The tool a {@code response_format} stands for: {@code json_schema} gives its schema as the tool's input schema,
     * {@code json_object} an open object; {@code text} asks for nothing.
     */
    static Optional<ObjectNode> responseFormatTool(JsonNode responseFormat)
    {
        if (!(responseFormat instanceof ObjectNode format)) {
            throw ChatRequest.invalid("response_format", "'response_format' must be an object such as {\"type\": \"json_object\"}");
        }
        String type = format.path("type").asText("");
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        switch (type) {
            case "text" -> {
                return Optional.empty();
            }
            case "json_object" -> {
                schema.put("additionalProperties", true);
                schema.putObject("properties");
            }
            case "json_schema" -> {
                JsonNode given = format.path("json_schema").path("schema");
                if (given instanceof ObjectNode object) {
                    schema.setAll(object.deepCopy());
                }
                else {
                    schema.put("additionalProperties", true);
                    schema.putObject("properties");
                }
            }
            default -> throw ChatRequest.invalid("response_format", "'response_format.type' must be text, json_object or json_schema"
                    + " but was '" + type + "'");
        }
        ObjectNode tool = Json.object();
        tool.put("name", JSON_TOOL_NAME);
        JsonNode description = format.path("json_schema").path("description");
        if (description.isTextual()) {
            tool.put("description", description.asText());
        }
        tool.set("input_schema", schema);
        return Optional.of(tool);
    }
}
