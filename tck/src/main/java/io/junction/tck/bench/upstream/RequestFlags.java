package io.junction.tck.bench.upstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The only two things the fake upstream reads from a request body, found by a byte scan instead of a JSON parser:
 * whether {@code "stream"} is {@code true}, and whether {@code "include_usage"} is {@code true}. A key is matched only
 * as a whole quoted string followed by a colon, so text inside string values (where quotes are escaped) never matches.
 */
record RequestFlags(boolean stream, boolean includeUsage)
{
    private static final byte[] STREAM = "\"stream\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INCLUDE_USAGE = "\"include_usage\"".getBytes(StandardCharsets.US_ASCII);

    static RequestFlags scan(ByteBuffer body)
    {
        boolean stream = false;
        boolean includeUsage = false;
        int end = body.limit();
        for (int i = body.position(); i < end; i++) {
            if (body.get(i) != '"') {
                continue;
            }
            if (!stream && matches(body, i, STREAM)) {
                stream = isTrueAfterKey(body, i + STREAM.length);
            }
            else if (!includeUsage && matches(body, i, INCLUDE_USAGE)) {
                includeUsage = isTrueAfterKey(body, i + INCLUDE_USAGE.length);
            }
        }
        return new RequestFlags(stream, includeUsage);
    }

    private static boolean matches(ByteBuffer body, int at, byte[] key)
    {
        if (at + key.length > body.limit()) {
            return false;
        }
        for (int j = 0; j < key.length; j++) {
            if (body.get(at + j) != key[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTrueAfterKey(ByteBuffer body, int from)
    {
        int i = skipSpace(body, from);
        if (i >= body.limit() || body.get(i) != ':') {
            return false;
        }
        i = skipSpace(body, i + 1);
        return i + 4 <= body.limit() && body.get(i) == 't' && body.get(i + 1) == 'r' && body.get(i + 2) == 'u' && body.get(i + 3) == 'e';
    }

    private static int skipSpace(ByteBuffer body, int from)
    {
        int i = from;
        while (i < body.limit() && (body.get(i) == ' ' || body.get(i) == '\t' || body.get(i) == '\n' || body.get(i) == '\r')) {
            i++;
        }
        return i;
    }
}
