package io.junction.tck.provider;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer in the provider's own format, as the provider kit's fake upstream sends it.
 *
 * @param headers by name; {@code content-length}, {@code transfer-encoding} and {@code connection} are set by the fake
 *        upstream itself and ignored here
 */
public record NativeResponse(int status, Map<String, String> headers, byte[] body)
{
    public NativeResponse
    {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status but was " + status);
        }
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "value of header " + name)));
        headers = Map.copyOf(lowerCase);
        Objects.requireNonNull(body, "body is null");
    }

    /** A JSON answer ({@code application/json}). */
    public static NativeResponse json(int status, String json)
    {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Server-sent events ({@code text/event-stream}), the body as the upstream writes it. */
    public static NativeResponse eventStream(String events)
    {
        return of(200, "text/event-stream", events.getBytes(StandardCharsets.UTF_8));
    }

    public static NativeResponse of(int status, String contentType, byte[] body)
    {
        return new NativeResponse(status, Map.of("content-type", contentType), body);
    }

    public NativeResponse withHeader(String name, String value)
    {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name.toLowerCase(Locale.ROOT), value);
        return new NativeResponse(status, more, body);
    }

    @Override
    public String toString()
    {
        return "NativeResponse[" + status + ", headers=" + headers.keySet() + ", bodyBytes=" + body.length + "]";
    }
}
