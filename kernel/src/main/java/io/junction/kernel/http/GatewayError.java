package io.junction.kernel.http;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An error the client sees, in OpenAI's shape {@code {"error": {"message", "type", "param", "code"}}}: the kind
 * decides the HTTP status and {@code type}; the message is written for the caller and never holds a secret.
 */
public final class GatewayError
        extends RuntimeException
{
    private final ErrorKind kind;
    private final String param;
    private final String code;
    private final Duration retryAfter;
    private final Map<String, String> headers;
    private final int status;

    public GatewayError(ErrorKind kind, String message, String param, String code)
    {
        this(kind, message, param, code, null, Map.of());
    }

    public GatewayError(ErrorKind kind, String message, String param, String code, Duration retryAfter, Map<String, String> headers)
    {
        this(kind.httpStatus(), kind, message, param, code, retryAfter, headers);
    }

    private GatewayError(int status, ErrorKind kind, String message, String param, String code, Duration retryAfter, Map<String, String> headers)
    {
        // no stack trace: these are answers to callers, not faults of the gateway
        super(message, null, false, false);
        this.status = status;
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.param = param;
        this.code = code;
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    public static GatewayError invalidRequest(String message, String param)
    {
        return new GatewayError(ErrorKind.INVALID_REQUEST, message, param, null);
    }

    /** 405: a route that exists, called with the wrong HTTP method. */
    public static GatewayError methodNotAllowed(String method, String allowed)
    {
        return new GatewayError(405, ErrorKind.INVALID_REQUEST, "Method " + method + " is not allowed here; use " + allowed + ".",
                null, "method_not_allowed", null, Map.of());
    }

    public static GatewayError from(ProviderException e)
    {
        String code = e.code().orElseGet(() -> switch (e.kind()) {
            case CONTEXT_WINDOW_EXCEEDED -> "context_length_exceeded";
            case CONTENT_POLICY -> "content_policy_violation";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case TIMEOUT -> "timeout";
            default -> null;
        });
        return new GatewayError(e.kind(), e.getMessage(), e.param().orElse(null), code, e.retryAfter().orElse(null), e.headers());
    }

    public ErrorKind kind()
    {
        return kind;
    }

    public int status()
    {
        return status;
    }

    public Optional<String> param()
    {
        return Optional.ofNullable(param);
    }

    public Optional<String> code()
    {
        return Optional.ofNullable(code);
    }

    public Optional<Duration> retryAfter()
    {
        return Optional.ofNullable(retryAfter);
    }

    public Map<String, String> headers()
    {
        return headers;
    }
}
