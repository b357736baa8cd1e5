package io.junction.spi;

/**
 * What went wrong, in the terms a client and a router act on. The kind decides the HTTP status the client sees,
 * the OpenAI error {@code type}, and whether another attempt (on the same or another deployment) may succeed.
 */
public enum ErrorKind
{
    INVALID_REQUEST(400, "invalid_request_error", false),
    CONTEXT_WINDOW_EXCEEDED(400, "invalid_request_error", false),
    CONTENT_POLICY(400, "invalid_request_error", false),
    AUTHENTICATION(401, "authentication_error", false),
    PERMISSION_DENIED(403, "permission_error", false),
    NOT_FOUND(404, "not_found_error", false),
    REQUEST_TOO_LARGE(413, "invalid_request_error", false),
    RATE_LIMITED(429, "rate_limit_error", true),
    TIMEOUT(408, "timeout_error", true),
    UPSTREAM_SERVER(500, "api_error", true),
    UNAVAILABLE(503, "service_unavailable_error", true),
    /** A fault inside the gateway or one of its plugins: never the caller's fault, never retried. */
    INTERNAL(500, "internal_error", false);

    private final int httpStatus;
    private final String openAiType;
    private final boolean retryable;

    ErrorKind(int httpStatus, String openAiType, boolean retryable)
    {
        this.httpStatus = httpStatus;
        this.openAiType = openAiType;
        this.retryable = retryable;
    }

    public int httpStatus()
    {
        return httpStatus;
    }

    /** The {@code error.type} of OpenAI's error body. */
    public String openAiType()
    {
        return openAiType;
    }

    /** Whether another attempt, on this deployment or another, may succeed. */
    public boolean retryable()
    {
        return retryable;
    }

    /** The kind for an upstream HTTP status when the body says nothing more precise. */
    public static ErrorKind fromHttpStatus(int status)
    {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 408, 504 -> TIMEOUT;
            case 413 -> REQUEST_TOO_LARGE;
            case 429 -> RATE_LIMITED;
            case 502, 503 -> UNAVAILABLE;
            default -> status >= 500 ? UPSTREAM_SERVER : INVALID_REQUEST;
        };
    }
}
