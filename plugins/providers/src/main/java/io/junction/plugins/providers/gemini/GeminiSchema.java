package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns an OpenAI JSON Schema (tool parameters, {@code response_format.json_schema}) into the OpenAPI subset Gemini
 * accepts: Gemini answers 400 to any key it does not know ({@code additionalProperties}, {@code $schema},
 * {@code strict}...), so only its own keys are kept. As LiteLLM does, {@code $ref}s into {@code $defs} are inlined and
 * a {@code null} alternative becomes {@code nullable}.
 */
final class GeminiSchema
{
    /** The fields of Gemini's {@code Schema} object. */
    private static final Set<String> GEMINI_KEYS = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength", "maxLength",
            "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");
    // a schema deeper than this is either hostile or refers to itself
    private static final int MAX_DEPTH = 32;

    private final JsonNode definitions;
    private final String param;

    private GeminiSchema(JsonNode root, String param)
    {
        JsonNode defs = root.path("$defs");
        this.definitions = defs.isObject() ? defs : root.path("definitions");
        this.param = param;
    }

    /**
     * @param param the OpenAI parameter the schema came in, named in the error if it cannot be translated
     * @return a new tree; the input is not changed
     */
    static ObjectNode translate(JsonNode schema, String param)
    {
        if (!schema.isObject()) {
            throw ChatRequest.invalid(param, "a JSON schema in '" + param + "' must be an object");
        }
        return new GeminiSchema(schema, param).node(schema, 0);
    }

    /** Whether a tool's parameters declare nothing (Gemini refuses an OBJECT without properties). */
    static boolean isEmptyObject(JsonNode schema)
    {
        return schema == null || schema.isNull() || schema.isMissingNode()
                || (schema.isObject() && "object".equals(schema.path("type").asText()) && schema.path("properties").isEmpty()
                        && !schema.has("anyOf") && !schema.has("$ref"));
    }

    private ObjectNode node(JsonNode schema, int depth)
    {
        if (depth > MAX_DEPTH) {
            throw ChatRequest.invalid(param, "a JSON schema in '" + param + "' nests or refers to itself more than " + MAX_DEPTH + " levels deep");
        }
        JsonNode resolved = resolve(schema);
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> out.set("properties", properties(value, depth));
                case "items" -> {
                    if (value.isObject()) {
                        out.set("items", node(value, depth + 1));
                    }
                }
                case "anyOf", "oneOf" -> alternatives(value, out, depth);
                case "type" -> type(value, out);
                case "const" -> out.putArray("enum").add(value);
                default -> {
                    if (GEMINI_KEYS.contains(key)) {
                        out.set(key, value.deepCopy());
                    }
                }
            }
        }
        return out;
    }

    private JsonNode resolve(JsonNode schema)
    {
        JsonNode ref = schema.get("$ref");
        if (ref == null || !ref.isTextual()) {
            return schema;
        }
        String path = ref.asText();
        String name = path.substring(path.lastIndexOf('/') + 1);
        JsonNode target = definitions.path(name);
        if (!target.isObject() || !(path.startsWith("#/$defs/") || path.startsWith("#/definitions/"))) {
            throw ChatRequest.invalid(param, "a JSON schema in '" + param + "' refers to '" + path + "', which is not under its $defs");
        }
        // the referring node's own keys (a description, say) win over the definition's
        ObjectNode merged = ((ObjectNode) target).deepCopy();
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private ObjectNode properties(JsonNode properties, int depth)
    {
        ObjectNode out = Json.object();
        properties.fields().forEachRemaining(property -> {
            if (property.getValue().isObject()) {
                out.set(property.getKey(), node(property.getValue(), depth + 1));
            }
        });
        return out;
    }

    /** {@code anyOf: [X, {type: null}]} is how JSON Schema says "X or null"; Gemini says {@code nullable}. */
    private void alternatives(JsonNode alternatives, ObjectNode out, int depth)
    {
        if (!alternatives.isArray()) {
            return;
        }
        ArrayNode kept = Json.array();
        boolean nullable = false;
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && "null".equals(alternative.path("type").asText()) && alternative.size() == 1) {
                nullable = true;
            }
            else if (alternative.isObject()) {
                kept.add(node(alternative, depth + 1));
            }
        }
        if (nullable && kept.size() == 1) {
            // one type or null: the type itself, marked nullable; the outer node's own keys win
            kept.get(0).fields().forEachRemaining(field -> out.putIfAbsent(field.getKey(), field.getValue()));
            out.put("nullable", true);
            return;
        }
        if (nullable) {
            kept.forEach(alternative -> ((ObjectNode) alternative).put("nullable", true));
        }
        if (!kept.isEmpty()) {
            out.set("anyOf", kept);
        }
    }

    /** {@code type: ["string", "null"]} becomes a string that is nullable. */
    private void type(JsonNode type, ObjectNode out)
    {
        if (type.isTextual()) {
            out.put("type", type.asText());
            return;
        }
        if (type.isArray()) {
            String single = null;
            for (JsonNode name : type) {
                if ("null".equals(name.asText())) {
                    out.put("nullable", true);
                }
                else if (single == null) {
                    single = name.asText();
                }
            }
            if (single != null) {
                out.put("type", single);
            }
        }
    }
}
