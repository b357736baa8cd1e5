package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;

import java.util.Optional;

/**
 * OpenAI's {@code response_format} on Converse, which has no JSON mode: as LiteLLM does, the wanted shape becomes a
 * tool the model is made to call, and that call's input is the answer.
 */
final class JsonMode
{
    /** LiteLLM's name for the tool when the client gave the schema no name. */
    static final String DEFAULT_TOOL = "json_tool_call";

    private JsonMode() {}

    /**
     * The OpenAI tool standing for a {@code response_format}, or empty when there is none or it asks for text.
     *
     * @throws io.junction.spi.provider.ProviderException naming {@code response_format} when it is not one OpenAI defines
     */
    static Optional<ObjectNode> tool(JsonNode responseFormat)
    {
        if (responseFormat == null || responseFormat.isMissingNode() || responseFormat.isNull()) {
            return Optional.empty();
        }
        String type = responseFormat.path("type").asText("");
        String name = DEFAULT_TOOL;
        JsonNode schema = null;
        String description = null;
        switch (type) {
            case "text" -> {
                return Optional.empty();
            }
            case "json_object" -> schema = responseFormat.get("response_schema");
            case "json_schema" -> {
                JsonNode jsonSchema = responseFormat.path("json_schema");
                name = jsonSchema.path("name").asText(DEFAULT_TOOL);
                schema = jsonSchema.get("schema");
                description = jsonSchema.path("description").asText(null);
            }
            default -> throw ChatRequest.invalid("response_format", "'response_format.type' must be 'text', 'json_object' or 'json_schema'");
        }
        if (schema == null || !schema.isObject()) {
            // any JSON object, as LiteLLM asks when no schema is given
            ObjectNode anyObject = Json.object();
            anyObject.put("type", "object");
            anyObject.put("additionalProperties", true);
            anyObject.putObject("properties");
            schema = anyObject;
        }
        ObjectNode tool = Json.object();
        tool.put("type", "function");
        ObjectNode function = tool.putObject("function");
        function.put("name", name);
        if (description != null && !description.isEmpty()) {
            function.put("description", description);
        }
        function.set("parameters", schema);
        return Optional.of(tool);
    }
}
