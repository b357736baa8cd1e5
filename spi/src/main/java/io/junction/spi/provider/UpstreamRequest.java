package io.junction.spi.provider;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to a provider, as an adapter describes it; the kernel's {@link UpstreamClient} sends it over a
 * pooled connection.
 *
 * @param headers header values by name; values of {@code authorization}, {@code api-key}, {@code x-api-key},
 *        {@code x-goog-api-key} are treated as secrets by the kernel
 */
public record UpstreamRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body, UpstreamTimeouts timeouts)
{
    public UpstreamRequest
    {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(uri, "uri is null");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(timeouts, "timeouts is null");
    }

    public static UpstreamRequest postJson(URI uri, Map<String, String> headers, byte[] body, UpstreamTimeouts timeouts)
    {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        multi.putIfAbsent("content-type", List.of("application/json"));
        return new UpstreamRequest("POST", uri, multi, body, timeouts);
    }

    @Override
    public String toString()
    {
        // the headers carry credentials: never print them
        return "UpstreamRequest[" + method + " " + uri + ", headers=" + headers.keySet() + "]";
    }
}
