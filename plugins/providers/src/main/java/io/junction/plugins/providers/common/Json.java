package io.junction.plugins.providers.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;

/** The one Jackson mapper of the translating adapters, and the few tree helpers they all need. */
public final class Json
{
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object()
    {
        return NODES.objectNode();
    }

    public static ArrayNode array()
    {
        return NODES.arrayNode();
    }

    /**
     * Parses a body that must be a JSON object.
     *
     * @param what names the body in the error ("the request body", "anthropic's response")
     * @param kind the error kind when it is not: the client's fault for a request, the provider's for a response
     */
    public static ObjectNode parseObject(byte[] body, String what, ErrorKind kind)
    {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        }
        catch (IOException e) {
            // reported below without echoing the body, which may hold a prompt
        }
        throw new ProviderException(kind, what + " is not a JSON object");
    }

    /**
     * A body as JSON, or a missing node when it is not JSON (an HTML page from a proxy, a cut body): for error bodies,
     * which are read for what they say and never echoed.
     */
    public static JsonNode parseOrMissing(byte[] body)
    {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? NODES.missingNode() : node;
        }
        catch (IOException | RuntimeException e) {
            return NODES.missingNode();
        }
    }

    public static byte[] bytes(JsonNode node)
    {
        try {
            return MAPPER.writeValueAsBytes(node);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A JSON value as the text OpenAI carries in {@code function.arguments}: objects serialised, strings as they are. */
    public static String asArgumentsText(JsonNode value)
    {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "{}";
        }
        return value.isTextual() ? value.asText() : new String(bytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The {@code function.arguments} text of a tool call as a JSON object, for providers that take objects. */
    public static JsonNode argumentsObject(String arguments)
    {
        if (arguments == null || arguments.isBlank()) {
            return object();
        }
        try {
            return MAPPER.readTree(arguments);
        }
        catch (IOException e) {
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "a tool call's function.arguments is not valid JSON");
        }
    }
}
