package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAI chat request as Gemini's {@code GenerateContentRequest}: contents and system instruction (see
 * {@link GeminiContents}), function declarations and the function-calling mode, and the sampling parameters under
 * {@code generationConfig}. Parameters the adapter does not list in {@link #SUPPORTED_PARAMETERS} have already been
 * refused or dropped by the {@code drop_params} policy.
 */
final class GeminiChatRequest
{
    /** The OpenAI parameters translated here (besides the gateway's own: model, messages, stream...). */
    static final Set<String> SUPPORTED_PARAMETERS = Set.of("temperature", "top_p", "max_tokens", "max_completion_tokens",
            "stop", "seed", "presence_penalty", "frequency_penalty", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "reasoning_effort", "stream_options", "user");

    /** LiteLLM's thinking budgets for {@code reasoning_effort}. */
    private static final Map<String, Integer> THINKING_BUDGETS = Map.of("minimal", 128, "low", 1024, "medium", 2048, "high", 4096);

    private GeminiChatRequest() {}

    static ObjectNode translate(ChatRequest request)
    {
        GeminiContents contents = GeminiContents.from(request.messages());
        ObjectNode body = Json.object();
        body.set("contents", contents.contents());
        contents.systemInstruction().ifPresent(instruction -> body.set("system_instruction", instruction));
        if (request.has("tools")) {
            ArrayNode tools = tools(request.get("tools"));
            if (!tools.isEmpty()) {
                body.set("tools", tools);
            }
        }
        if (request.has("tool_choice")) {
            body.putObject("tool_config").set("function_calling_config", functionCallingConfig(request.get("tool_choice")));
        }
        ObjectNode generationConfig = generationConfig(request);
        if (!generationConfig.isEmpty()) {
            body.set("generationConfig", generationConfig);
        }
        return body;
    }

    private static ArrayNode tools(JsonNode tools)
    {
        if (!tools.isArray()) {
            throw ChatRequest.invalid("tools", "'tools' must be an array");
        }
        ArrayNode declarations = Json.array();
        for (JsonNode tool : tools) {
            if (!"function".equals(tool.path("type").asText("function")) || !tool.path("function").isObject()) {
                throw ChatRequest.invalid("tools", "gemini takes only tools of type 'function' with a 'function' object");
            }
            JsonNode function = tool.path("function");
            String name = function.path("name").asText("");
            if (name.isEmpty()) {
                throw ChatRequest.invalid("tools", "every tool needs a function.name");
            }
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", name);
            if (function.path("description").isTextual()) {
                declaration.put("description", function.path("description").asText());
            }
            JsonNode parameters = function.get("parameters");
            // Gemini refuses an OBJECT without properties; a function without parameters says the same thing
            if (!GeminiSchema.isEmptyObject(parameters)) {
                declaration.set("parameters", GeminiSchema.translate(parameters, "tools"));
            }
        }
        ArrayNode result = Json.array();
        if (!declarations.isEmpty()) {
            result.addObject().set("function_declarations", declarations);
        }
        return result;
    }

    private static ObjectNode functionCallingConfig(JsonNode toolChoice)
    {
        ObjectNode config = Json.object();
        if (toolChoice.isTextual()) {
            String mode = switch (toolChoice.asText()) {
                case "auto" -> "AUTO";
                case "none" -> "NONE";
                case "required" -> "ANY";
                default -> throw ChatRequest.invalid("tool_choice", "'tool_choice' must be auto, none, required or "
                        + "{\"type\": \"function\", \"function\": {\"name\": ...}} but was '" + toolChoice.asText() + "'");
            };
            config.put("mode", mode);
            return config;
        }
        String name = toolChoice.path("function").path("name").asText("");
        if (name.isEmpty()) {
            throw ChatRequest.invalid("tool_choice", "'tool_choice' as an object must name a function: "
                    + "{\"type\": \"function\", \"function\": {\"name\": ...}}");
        }
        config.put("mode", "ANY");
        config.putArray("allowed_function_names").add(name);
        return config;
    }

    private static ObjectNode generationConfig(ChatRequest request)
    {
        ObjectNode config = Json.object();
        request.number("temperature").ifPresent(value -> config.set("temperature", request.get("temperature")));
        request.number("top_p").ifPresent(value -> config.set("topP", request.get("top_p")));
        request.maxTokens().ifPresent(value -> config.put("maxOutputTokens", value));
        List<String> stop = request.stop();
        if (!stop.isEmpty()) {
            ArrayNode sequences = config.putArray("stopSequences");
            stop.forEach(sequences::add);
        }
        request.number("presence_penalty").ifPresent(value -> config.set("presencePenalty", request.get("presence_penalty")));
        request.number("frequency_penalty").ifPresent(value -> config.set("frequencyPenalty", request.get("frequency_penalty")));
        if (request.has("seed")) {
            JsonNode seed = request.get("seed");
            if (!seed.canConvertToInt()) {
                throw ChatRequest.invalid("seed", "'seed' must be an integer");
            }
            config.put("seed", seed.asInt());
        }
        if (request.has("response_format")) {
            responseFormat(request.get("response_format"), config);
        }
        if (request.has("reasoning_effort")) {
            config.set("thinkingConfig", thinkingConfig(request.get("reasoning_effort")));
        }
        return config;
    }

    /** json_object and json_schema ask for JSON; a schema ({@code json_schema.schema}, or LiteLLM's {@code response_schema}) constrains it. */
    private static void responseFormat(JsonNode format, ObjectNode config)
    {
        String type = format.path("type").asText("");
        switch (type) {
            case "text" -> {
                // Gemini's default
            }
            case "json_object" -> {
                config.put("responseMimeType", "application/json");
                if (format.path("response_schema").isObject()) {
                    config.set("responseSchema", GeminiSchema.translate(format.path("response_schema"), "response_format"));
                }
            }
            case "json_schema" -> {
                config.put("responseMimeType", "application/json");
                JsonNode schema = format.path("json_schema").path("schema");
                if (schema.isObject()) {
                    config.set("responseSchema", GeminiSchema.translate(schema, "response_format"));
                }
            }
            default -> throw ChatRequest.invalid("response_format", "'response_format.type' must be text, json_object or json_schema");
        }
    }

    private static ObjectNode thinkingConfig(JsonNode effort)
    {
        ObjectNode thinking = Json.object();
        String value = effort.asText("");
        if (value.equals("none") || value.equals("disable")) {
            thinking.put("thinkingBudget", 0);
            thinking.put("includeThoughts", false);
            return thinking;
        }
        Integer budget = THINKING_BUDGETS.get(value);
        if (budget == null) {
            throw ChatRequest.invalid("reasoning_effort", "'reasoning_effort' must be none, minimal, low, medium or high but was '" + value + "'");
        }
        thinking.put("thinkingBudget", budget);
        thinking.put("includeThoughts", true);
        return thinking;
    }
}
