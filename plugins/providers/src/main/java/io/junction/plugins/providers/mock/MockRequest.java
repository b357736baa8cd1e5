package io.junction.plugins.providers.mock;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The parts of a client's request body the mock looks at, checked as strictly as OpenAI would. */
final class MockRequest
{
    static final int MAX_EMBEDDING_INPUTS = 2048;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode body;

    private MockRequest(JsonNode body)
    {
        this.body = body;
    }

    static MockRequest parse(byte[] bytes)
    {
        JsonNode body;
        try {
            body = MAPPER.readTree(bytes);
        }
        catch (JacksonException e) {
            // the original message leaves out the echo of the body that the full one carries
            throw invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        catch (IOException e) {
            throw invalid("the request body could not be read: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw invalid("the request body must be a JSON object");
        }
        return new MockRequest(body);
    }

    void requireMessages()
    {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw invalid("\"messages\" must be a non-empty array of messages");
        }
    }

    void requirePrompt()
    {
        JsonNode prompt = body.get("prompt");
        if (prompt == null || !(prompt.isTextual() || prompt.isArray())) {
            throw invalid("\"prompt\" must be a string or an array of strings");
        }
    }

    boolean includeUsage()
    {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    /** {@code input}: a string or a list of strings; token arrays need a real tokenizer, which the mock lacks. */
    List<String> embeddingInputs()
    {
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            throw invalid("\"input\" is required: a string or an array of strings");
        }
        if (input.isTextual()) {
            return List.of(nonEmpty(input.textValue()));
        }
        if (!input.isArray() || input.isEmpty()) {
            throw invalid("\"input\" must be a string or a non-empty array of strings");
        }
        if (input.size() > MAX_EMBEDDING_INPUTS) {
            throw invalid("\"input\" has " + input.size() + " items; at most " + MAX_EMBEDDING_INPUTS + " are allowed");
        }
        List<String> inputs = new ArrayList<>(input.size());
        for (JsonNode item : input) {
            if (item.isNumber() || item.isArray()) {
                throw invalid("\"input\" as token arrays is not supported by the mock provider: send strings");
            }
            if (!item.isTextual()) {
                throw invalid("\"input\" must be a string or an array of strings");
            }
            inputs.add(nonEmpty(item.textValue()));
        }
        return inputs;
    }

    /** {@code dimensions} when the request sets it, otherwise {@code configured}. */
    int dimensions(int configured)
    {
        JsonNode dimensions = body.get("dimensions");
        if (dimensions == null || dimensions.isNull()) {
            return configured;
        }
        if (!dimensions.canConvertToInt() || !dimensions.isIntegralNumber()
                || dimensions.intValue() < 1 || dimensions.intValue() > MockSettings.MAX_EMBEDDING_DIMENSIONS) {
            throw invalid("\"dimensions\" must be a whole number between 1 and " + MockSettings.MAX_EMBEDDING_DIMENSIONS
                    + " but was " + abbreviate(dimensions.toString()));
        }
        return dimensions.intValue();
    }

    /** Whether {@code encoding_format} asks for base64 rather than the default float arrays. */
    boolean base64Encoding()
    {
        JsonNode format = body.get("encoding_format");
        if (format == null || format.isNull() || "float".equals(format.asText())) {
            return false;
        }
        if ("base64".equals(format.asText())) {
            return true;
        }
        throw invalid("\"encoding_format\" must be \"float\" or \"base64\" but was " + abbreviate(format.toString()));
    }

    private static String nonEmpty(String input)
    {
        if (input.isEmpty()) {
            throw invalid("\"input\" must not contain empty strings");
        }
        return input;
    }

    private static String abbreviate(String text)
    {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static ProviderException invalid(String message)
    {
        return new ProviderException(ErrorKind.INVALID_REQUEST, message);
    }
}
