package io.junction.plugins.providers.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the few top-level fields the gateway needs ({@code usage}, {@code error}) from an OpenAI body with a
 * streaming parser, skipping everything else: the body itself is passed on untouched, so no tree is ever built.
 */
final class OpenAiBodyScanner
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] USAGE_KEY = quoted("usage");
    private static final byte[] ERROR_KEY = quoted("error");
    private static final byte[] CHOICES_KEY = quoted("choices");
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private OpenAiBodyScanner() {}

    /** The top-level {@code usage} of a response body, {@link Usage#UNKNOWN} when absent or unreadable. */
    static Usage usage(byte[] body)
    {
        Usage usage = scan(body).usage();
        return usage == null ? Usage.UNKNOWN : usage;
    }

    /**
     * What one stream chunk says beyond its content: a non-null {@code usage}, an {@code error} object, empty
     * {@code choices}. Most chunks contain none of them anywhere, which one pass over the bytes settles without parsing.
     */
    static Facts chunk(byte[] payload)
    {
        if (!mayTellMore(payload)) {
            return Facts.NONE;
        }
        Facts facts = scan(payload);
        return new Facts(facts.usage(), facts.error(), null, facts.emptyChoices());
    }

    /**
     * Whether an {@code "error"} key, a {@code "usage"} key with a value other than null (with include_usage every
     * chunk carries {@code "usage":null}) or a {@code "choices"} key with the value {@code []} occurs anywhere: only
     * then is the chunk parsed, to know whether it is the top-level one.
     */
    private static boolean mayTellMore(byte[] payload)
    {
        for (int at = 0; at < payload.length - 1; at++) {
            if (payload[at] != '"') {
                continue;
            }
            boolean tells = switch (payload[at + 1]) {
                case 'e' -> startsWith(payload, at, ERROR_KEY);
                case 'u' -> nonNullUsageAt(payload, at);
                case 'c' -> startsWith(payload, at, CHOICES_KEY) && emptyArrayAfter(payload, at + CHOICES_KEY.length);
                default -> false;
            };
            if (tells) {
                return true;
            }
        }
        return false;
    }

    /** Whether every {@code "usage"} key in the payload has the value null (true when there is none). */
    static boolean onlyNullUsage(byte[] payload)
    {
        for (int at = 0; at < payload.length; at++) {
            if (payload[at] == '"' && nonNullUsageAt(payload, at)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a {@code "usage"} key with a value other than null starts at {@code at} (not a string value "usage"). */
    private static boolean nonNullUsageAt(byte[] payload, int at)
    {
        if (!startsWith(payload, at, USAGE_KEY)) {
            return false;
        }
        int i = skipWhitespace(payload, at + USAGE_KEY.length);
        if (i >= payload.length || payload[i] != ':') {
            return false;
        }
        return !startsWith(payload, skipWhitespace(payload, i + 1), NULL);
    }

    /** Whether a key ending before {@code from} has the value {@code []}. */
    private static boolean emptyArrayAfter(byte[] payload, int from)
    {
        int i = skipWhitespace(payload, from);
        if (i >= payload.length || payload[i] != ':') {
            return false;
        }
        i = skipWhitespace(payload, i + 1);
        if (i >= payload.length || payload[i] != '[') {
            return false;
        }
        i = skipWhitespace(payload, i + 1);
        return i < payload.length && payload[i] == ']';
    }

    /**
     * Whether any of the quoted keys ({@code "name"}, quotes included) occurs anywhere in the body: one pass over its
     * bytes, however many keys there are.
     */
    static boolean mentionsAny(byte[] body, byte[][] quotedKeys)
    {
        for (int at = 0; at < body.length - 1; at++) {
            if (body[at] != '"') {
                continue;
            }
            for (byte[] key : quotedKeys) {
                // the byte after the quote rules out most keys before a full comparison
                if (key[1] == body[at + 1] && startsWith(body, at, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The error an error response describes: OpenAI's {@code {"error": {...}}}, or the top-level {@code message}
     * (or {@code detail}) some OpenAI-compatible servers send instead; null when the body is not JSON.
     */
    static UpstreamError error(byte[] body)
    {
        Facts facts = scan(body);
        return facts.error() != null ? facts.error() : facts.topLevelError();
    }

    private static Facts scan(byte[] body)
    {
        Usage usage = null;
        UpstreamError error = null;
        String message = null;
        String type = null;
        String param = null;
        String code = null;
        boolean emptyChoices = false;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Facts.NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "usage" -> usage = value == JsonToken.START_OBJECT ? readUsage(parser) : skip(parser, null);
                    case "choices" -> emptyChoices = isEmptyArray(parser, value);
                    case "error" -> error = readError(parser, value);
                    case "message", "detail" -> {
                        String text = scalarText(parser, value);
                        message = message != null ? message : text;
                    }
                    case "type" -> type = scalarText(parser, value);
                    case "param" -> param = scalarText(parser, value);
                    case "code" -> code = scalarText(parser, value);
                    default -> parser.skipChildren();
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // not JSON (an HTML error page, a cut body): what was read before the fault is all there is
        }
        return new Facts(usage, error, topLevel(message, type, param, code), emptyChoices);
    }

    /** Whether the value is {@code []}; the parser is left at the value's end either way. */
    private static boolean isEmptyArray(JsonParser parser, JsonToken value)
            throws IOException
    {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return false;
        }
        JsonToken element = parser.nextToken();
        if (element == JsonToken.END_ARRAY) {
            return true;
        }
        do {
            parser.skipChildren();
        }
        while (parser.nextToken() != JsonToken.END_ARRAY);
        return false;
    }

    private static UpstreamError topLevel(String message, String type, String param, String code)
    {
        return message == null ? null : new UpstreamError(message, type, param, code);
    }

    private static Usage readUsage(JsonParser parser)
            throws IOException
    {
        long prompt = -1;
        long completion = -1;
        long total = -1;
        long cached = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = number(parser, value);
                case "completion_tokens" -> completion = number(parser, value);
                case "total_tokens" -> total = number(parser, value);
                case "prompt_tokens_details" -> cached = value == JsonToken.START_OBJECT ? readCachedTokens(parser) : cached;
                // DeepSeek's name for prompt tokens read from its cache
                case "prompt_cache_hit_tokens" -> cached = Math.max(cached, number(parser, value));
                default -> parser.skipChildren();
            }
        }
        if (prompt < 0 && completion < 0) {
            return Usage.UNKNOWN;
        }
        if (completion < 0) {
            // embeddings report prompt and total tokens only
            completion = total >= prompt && prompt >= 0 ? total - prompt : 0;
        }
        if (total < 0) {
            total = Math.max(prompt, 0) + completion;
        }
        return new Usage(prompt, completion, total, Math.max(cached, 0), 0);
    }

    private static long readCachedTokens(JsonParser parser)
            throws IOException
    {
        long cached = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("cached_tokens")) {
                cached = Math.max(number(parser, value), 0);
            }
            else {
                parser.skipChildren();
            }
        }
        return cached;
    }

    private static UpstreamError readError(JsonParser parser, JsonToken value)
            throws IOException
    {
        if (value == JsonToken.VALUE_STRING) {
            return new UpstreamError(parser.getText(), null, null, null);
        }
        if (value != JsonToken.START_OBJECT) {
            return skip(parser, null);
        }
        String message = null;
        String type = null;
        String param = null;
        String code = null;
        List<String> filtered = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            switch (name) {
                case "message" -> message = scalarText(parser, field);
                case "type" -> type = scalarText(parser, field);
                case "param" -> param = scalarText(parser, field);
                case "code" -> code = scalarText(parser, field);
                case "innererror" -> filtered = field == JsonToken.START_OBJECT ? readInnerError(parser) : skip(parser, List.of());
                default -> parser.skipChildren();
            }
        }
        return new UpstreamError(message, type, param, code, filtered);
    }

    /** Azure OpenAI's {@code innererror}: the categories its {@code content_filter_result} marks as filtered. */
    private static List<String> readInnerError(JsonParser parser)
            throws IOException
    {
        List<String> filtered = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("content_filter_result") && value == JsonToken.START_OBJECT) {
                filtered = readFilteredCategories(parser);
            }
            else {
                parser.skipChildren();
            }
        }
        return filtered;
    }

    private static List<String> readFilteredCategories(JsonParser parser)
            throws IOException
    {
        List<String> filtered = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String category = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            boolean isFiltered = false;
            String severity = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "filtered" -> isFiltered = value == JsonToken.VALUE_TRUE;
                    case "severity" -> severity = scalarText(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (isFiltered) {
                filtered.add(severity == null ? category : category + " (" + severity + ")");
            }
        }
        return filtered;
    }

    private static long number(JsonParser parser, JsonToken value)
            throws IOException
    {
        return switch (value) {
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> (long) parser.getDoubleValue();
            default -> skip(parser, -1L);
        };
    }

    /** A scalar's text (numbers too: some servers send a numeric {@code code}); null for null or a structure. */
    private static String scalarText(JsonParser parser, JsonToken value)
            throws IOException
    {
        return switch (value) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> skip(parser, null);
        };
    }

    private static <T> T skip(JsonParser parser, T result)
            throws IOException
    {
        parser.skipChildren();
        return result;
    }

    private static byte[] quoted(String key)
    {
        return ("\"" + key + "\"").getBytes(StandardCharsets.US_ASCII);
    }

    private static int skipWhitespace(byte[] bytes, int from)
    {
        int i = from;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix)
    {
        return at + prefix.length <= bytes.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * @param usage a non-null top-level {@code usage}, or null
     * @param error the top-level {@code error}, or null
     * @param topLevelError an error told by top-level {@code message}/{@code type}/{@code code} fields, or null
     * @param emptyChoices whether {@code choices} is {@code []}: a usage-only chunk, or Azure's prompt-filter chunk
     */
    record Facts(Usage usage, UpstreamError error, UpstreamError topLevelError, boolean emptyChoices)
    {
        static final Facts NONE = new Facts(null, null, null, false);
    }
}
