package io.junction.plugins.providers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An OpenAI {@code /chat/completions} (or {@code /embeddings}, {@code /completions}) request body, parsed once for an
 * adapter that translates it into another provider's shape. Invalid input is the client's fault: 400, with the
 * parameter named.
 */
public final class ChatRequest
{
    private final ObjectNode body;

    private ChatRequest(ObjectNode body)
    {
        this.body = body;
    }

    public static ChatRequest parse(ProviderRequest request)
    {
        return new ChatRequest(Json.parseObject(request.body(), "the request body", ErrorKind.INVALID_REQUEST));
    }

    public static ChatRequest of(ObjectNode body)
    {
        return new ChatRequest(body);
    }

    /** The whole body; adapters may remove parameters they drop. */
    public ObjectNode json()
    {
        return body;
    }

    public boolean has(String name)
    {
        JsonNode value = body.get(name);
        return value != null && !value.isNull();
    }

    public JsonNode get(String name)
    {
        return body.path(name);
    }

    /** {@code messages}, required and non-empty, each an object with a {@code role}. */
    public List<ObjectNode> messages()
    {
        JsonNode messages = body.get("messages");
        if (!(messages instanceof ArrayNode array) || array.isEmpty()) {
            throw invalid("messages", "'messages' must be a non-empty array");
        }
        List<ObjectNode> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode message) || !message.path("role").isTextual()) {
                throw invalid("messages", "messages[" + i + "] must be an object with a string 'role'");
            }
            result.add(message);
        }
        return result;
    }

    public boolean stream()
    {
        return body.path("stream").asBoolean(false);
    }

    /**
     * Removes {@code n: 1}, which asks for the one choice a translated answer has anyway; any other {@code n} stays,
     * for the {@link ParameterPolicy} to refuse or drop.
     */
    public void removeSingleChoice()
    {
        JsonNode n = body.get("n");
        if (n != null && n.isNumber() && n.asDouble() == 1) {
            body.remove("n");
        }
    }

    /** {@code stream_options.include_usage}: the client wants a last chunk with the stream's usage. */
    public boolean includeUsage()
    {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    /** {@code max_completion_tokens}, else the older {@code max_tokens}. */
    public OptionalInt maxTokens()
    {
        for (String name : List.of("max_completion_tokens", "max_tokens")) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                if (!value.canConvertToInt() || value.asInt() < 1) {
                    throw invalid(name, "'" + name + "' must be a positive integer");
                }
                return OptionalInt.of(value.asInt());
            }
        }
        return OptionalInt.empty();
    }

    public OptionalDouble number(String name)
    {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw invalid(name, "'" + name + "' must be a number");
        }
        return OptionalDouble.of(value.asDouble());
    }

    /** {@code stop}: a string or an array of strings, as a list (empty when absent). */
    public List<String> stop()
    {
        JsonNode stop = body.get("stop");
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (stop.isArray()) {
            List<String> sequences = new ArrayList<>(stop.size());
            for (JsonNode sequence : stop) {
                if (!sequence.isTextual()) {
                    throw invalid("stop", "'stop' must be a string or an array of strings");
                }
                sequences.add(sequence.asText());
            }
            return sequences;
        }
        throw invalid("stop", "'stop' must be a string or an array of strings");
    }

    /** The top-level parameter names present (null values included, as the client sent them). */
    public List<String> parameterNames()
    {
        List<String> names = new ArrayList<>(body.size());
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /**
     * The text of a message's {@code content}: a string, or the {@code text} parts of an array joined by blank
     * lines; empty when null (an assistant message that only calls tools).
     */
    public static String text(JsonNode content)
    {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }

    public static ProviderException invalid(String param, String message)
    {
        return new ProviderException(ErrorKind.INVALID_REQUEST, message, 400, null, param, null, java.util.Map.of(), null);
    }
}
