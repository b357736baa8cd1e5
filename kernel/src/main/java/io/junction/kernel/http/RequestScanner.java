package io.junction.kernel.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the routing fields of an OpenAI request body in one streaming pass, without building a tree: the model (and
 * where its value sits, so it can be replaced as bytes), {@code stream}, {@code stream_options.include_usage},
 * {@code user}, and the amount of prompt text. Everything else is skipped.
 */
public final class RequestScanner
{
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private RequestScanner() {}

    public static ScannedRequest scan(byte[] body)
    {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw GatewayError.invalidRequest("The request body must be a JSON object.", null);
            }
            String model = null;
            int modelStart = -1;
            int modelEnd = -1;
            boolean stream = false;
            boolean includeUsage = false;
            String user = null;
            long promptCharacters = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "model" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw GatewayError.invalidRequest("'model' must be a string.", "model");
                        }
                        modelStart = (int) parser.currentTokenLocation().getByteOffset();
                        model = parser.getText();
                        modelEnd = (int) parser.currentLocation().getByteOffset();
                    }
                    case "stream" -> stream = booleanValue(parser, value, "stream");
                    case "stream_options" -> includeUsage = includeUsage(parser, value);
                    case "user" -> user = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "messages", "prompt", "input" -> promptCharacters += textLength(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw GatewayError.invalidRequest("The request body has content after its JSON object.", null);
            }
            if (model == null || model.isBlank()) {
                throw GatewayError.invalidRequest("You must provide a model parameter.", "model");
            }
            return new ScannedRequest(model, modelStart, modelEnd, stream, includeUsage, Optional.ofNullable(user), promptCharacters);
        }
        catch (StreamConstraintsException e) {
            throw GatewayError.invalidRequest("The request body is nested too deeply.", null);
        }
        catch (IOException e) {
            throw GatewayError.invalidRequest("We could not parse the JSON body of your request: it is not valid JSON ("
                    + firstLine(e) + ").", null);
        }
    }

    private static boolean booleanValue(JsonParser parser, JsonToken value, String field)
            throws IOException
    {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw GatewayError.invalidRequest("'" + field + "' must be true or false.", field);
        };
    }

    private static boolean includeUsage(JsonParser parser, JsonToken value)
            throws IOException
    {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return false;
        }
        boolean includeUsage = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken option = parser.nextToken();
            if (field.equals("include_usage")) {
                includeUsage = booleanValue(parser, option, "stream_options.include_usage");
            }
            else {
                parser.skipChildren();
            }
        }
        return includeUsage;
    }

    /**
     * The size in bytes of the current value, skipped without decoding its strings: decoding a long prompt only to
     * measure it cost a third of the gateway's CPU. JSON syntax is counted too, a small overestimate for a reservation.
     */
    private static long textLength(JsonParser parser, JsonToken value)
            throws IOException
    {
        if (value == JsonToken.VALUE_STRING) {
            // a bare string prompt (completions, embeddings): rarely long enough to matter
            return parser.getTextLength();
        }
        if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY) {
            return 0;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        return Math.max(0, parser.currentLocation().getByteOffset() - start);
    }

    private static String firstLine(IOException e)
    {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
