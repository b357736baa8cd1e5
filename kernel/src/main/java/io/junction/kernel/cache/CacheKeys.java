package io.junction.kernel.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.junction.kernel.Sha256;
import io.junction.spi.provider.Endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exact-cache key of a request: a SHA-256 over the endpoint, the model group and a canonical form of the body in
 * which object keys are sorted (so JSON key order does not matter) and fields that do not change the answer
 * ({@code stream}, {@code user}, {@code metadata}...) are left out.
 */
public final class CacheKeys
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> IGNORED_TOP_LEVEL_FIELDS = Set.of("model", "stream", "stream_options", "user", "metadata", "cache");

    private CacheKeys() {}

    public static String exactKey(Endpoint endpoint, String modelGroup, byte[] body)
    {
        StringBuilder canonical = new StringBuilder(body.length + 64)
                .append(endpoint.path()).append('\n').append(modelGroup).append('\n');
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            appendCanonical(parser, canonical, true);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the body was scanned as valid JSON before", e);
        }
        return Sha256.hex(canonical.toString());
    }

    private static void appendCanonical(JsonParser parser, StringBuilder out, boolean topLevel)
            throws IOException
    {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                // buffer members so they can be written in key order
                Map<String, String> members = new TreeMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (topLevel && IGNORED_TOP_LEVEL_FIELDS.contains(name)) {
                        parser.skipChildren();
                        continue;
                    }
                    StringBuilder value = new StringBuilder();
                    appendCanonical(parser, value, false);
                    members.put(name, value.toString());
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, String> member : members.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendString(out, member.getKey());
                    out.append(':').append(member.getValue());
                }
                out.append('}');
            }
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendCanonical(parser, out, false);
                }
                out.append(']');
            }
            case VALUE_STRING -> appendString(out, parser.getText());
            // numbers keep their written form: 1.0 and 1 may mean different things to a provider
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(parser.getText());
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            default -> out.append("null");
        }
    }

    private static void appendString(StringBuilder out, String value)
    {
        out.append(io.junction.spi.provider.JsonStrings.quote(value));
    }

}
