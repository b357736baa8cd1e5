package io.junction.tck.provider;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the fake upstream received it.
 *
 * @param headers by lower-case name (the last value of each)
 */
public record RecordedRequest(String method, String target, Map<String, String> headers, byte[] body)
{
    public RecordedRequest
    {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(target, "target is null");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body is null");
    }

    public String bodyText()
    {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString()
    {
        // the headers (and a query) may carry the kit's api key
        return "RecordedRequest[" + method + " " + target.replaceAll("\\?.*", "?...") + ", bodyBytes=" + body.length + "]";
    }
}
