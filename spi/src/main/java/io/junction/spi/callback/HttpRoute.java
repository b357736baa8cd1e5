package io.junction.spi.callback;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A read-only HTTP endpoint a callback serves through the gateway's own port, such as Prometheus's
 * {@code GET /metrics}. It is served off the LLM request path and must not expose secrets.
 *
 * @param path the exact path, e.g. {@code /metrics}
 * @param requiresAuth whether the gateway's master key is required to read it
 * @param body produces the response body on each GET
 */
public record HttpRoute(String path, String contentType, boolean requiresAuth, Supplier<byte[]> body)
{
    public HttpRoute
    {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(body, "body is null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }
}
