package io.junction.plugins.providers.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a request body's top level says about the few keys the pass-through watches, read with a streaming parser
 * that skips everything else: a key found by a byte search may sit in a nested object or a string, and only a
 * top-level key matters.
 *
 * @param keys the watched top-level keys present, whatever their value
 * @param present the watched top-level keys with a non-null value, and that value
 * @param streamUsage what {@code stream_options.include_usage} says
 */
record TopLevelFacts(Set<String> keys, Map<String, JsonNode> present, StreamUsage streamUsage)
{
    enum StreamUsage
    {
        /** No {@code stream_options} at all. */
        ABSENT,
        /** {@code stream_options.include_usage} is true: the client wants the usage chunk. */
        REQUESTED,
        /** {@code stream_options} is there without {@code include_usage: true}. */
        NOT_REQUESTED
    }

    static TopLevelFacts scan(byte[] body, Set<String> watched)
    {
        Set<String> keys = new HashSet<>();
        Map<String, JsonNode> present = new HashMap<>();
        StreamUsage streamUsage = StreamUsage.ABSENT;
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ChatRequest.invalid(null, "the request body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("stream_options")) {
                    streamUsage = streamUsage(parser, value);
                }
                else if (watched.contains(name)) {
                    keys.add(name);
                    JsonNode node = parser.readValueAsTree();
                    if (node != null && !node.isNull()) {
                        present.put(name, node);
                    }
                }
                else {
                    parser.skipChildren();
                }
            }
        }
        catch (IOException e) {
            // the kernel parsed the body already, so this is rare; never echo the body, it may hold a prompt
            throw ChatRequest.invalid(null, "the request body is not valid JSON");
        }
        return new TopLevelFacts(Set.copyOf(keys), Map.copyOf(present), streamUsage);
    }

    private static StreamUsage streamUsage(JsonParser parser, JsonToken value)
            throws IOException
    {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return StreamUsage.NOT_REQUESTED;
        }
        StreamUsage usage = StreamUsage.NOT_REQUESTED;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken option = parser.nextToken();
            if (name.equals("include_usage") && option == JsonToken.VALUE_TRUE) {
                usage = StreamUsage.REQUESTED;
            }
            else {
                parser.skipChildren();
            }
        }
        return usage;
    }
}
