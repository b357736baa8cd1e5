package io.junction.tck.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.fail;

/** Reads the OpenAI JSON an adapter returned, failing with the rule's number when it is not what OpenAI sends. */
final class KitJson
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHOWN_CHARS = 400;

    private KitJson() {}

    static JsonNode object(String rule, byte[] body, String what)
    {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        }
        catch (JsonProcessingException e) {
            return fail(rule + ": " + what + " must be one JSON object, but it does not parse (" + e.getOriginalMessage() + "): " + shown(body));
        }
        catch (IOException e) {
            return fail(rule + ": " + what + " cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return fail(rule + ": " + what + " must be one JSON object, but was: " + shown(body));
        }
        return node;
    }

    static JsonNode parse(String json)
    {
        try {
            return MAPPER.readTree(json);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** The string at a path of field names and array indexes, or null when absent or not a string. */
    static String text(JsonNode node, Object... path)
    {
        JsonNode value = at(node, path);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static JsonNode at(JsonNode node, Object... path)
    {
        JsonNode current = node;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index ? current.get(index) : current.get((String) step);
        }
        return current == null || current.isMissingNode() ? null : current;
    }

    static String shown(byte[] body)
    {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
    }
}
