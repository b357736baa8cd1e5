package io.junction.plugins.providers.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few top-level fields the gateway needs ({@code usage}, {@code error}) from an OpenAI body with a
 * streaming parser, skipping everything else: the body itself is passed on untouched, so no tree is ever built.
 */
final class OpenAiBodyScanner
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] USAGE_KEY = quoted("usage");
    private static final byte[] ERROR_KEY = quoted("error");

    private OpenAiBodyScanner() {}

    /** The top-level {@code usage} of a response body, {@link Usage#UNKNOWN} when absent or unreadable. */
    static Usage usage(byte[] body)
    {
        Usage usage = scan(body).usage();
        return usage == null ? Usage.UNKNOWN : usage;
    }

    /**
     * What one stream chunk says beyond its content: a non-null {@code usage}, an {@code error} object. Most chunks
     * contain neither key anywhere, which a byte search settles without parsing.
     */
    static Facts chunk(byte[] payload)
    {
        if (indexOf(payload, USAGE_KEY) < 0 && indexOf(payload, ERROR_KEY) < 0) {
            return Facts.NONE;
        }
        Facts facts = scan(payload);
        return new Facts(facts.usage(), facts.error(), null);
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
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Facts.NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "usage" -> usage = value == JsonToken.START_OBJECT ? readUsage(parser) : skip(parser, null);
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
        return new Facts(usage, error, topLevel(message, type, param, code));
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
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            switch (name) {
                case "message" -> message = scalarText(parser, field);
                case "type" -> type = scalarText(parser, field);
                case "param" -> param = scalarText(parser, field);
                case "code" -> code = scalarText(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new UpstreamError(message, type, param, code);
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

    static int indexOf(byte[] haystack, byte[] needle)
    {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * @param usage a non-null top-level {@code usage}, or null
     * @param error the top-level {@code error}, or null
     * @param topLevelError an error told by top-level {@code message}/{@code type}/{@code code} fields, or null
     */
    record Facts(Usage usage, UpstreamError error, UpstreamError topLevelError)
    {
        static final Facts NONE = new Facts(null, null, null);
    }
}
