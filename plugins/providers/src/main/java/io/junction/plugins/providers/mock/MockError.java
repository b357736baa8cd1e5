package io.junction.plugins.providers.mock;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The LiteLLM exception names {@code mock_response} may hold to make a deployment fail on purpose, for testing
 * retries, cooldowns and fallbacks without a real provider.
 */
enum MockError
{
    RATE_LIMIT("litellm.RateLimitError", ErrorKind.RATE_LIMITED, 429, "rate_limit_exceeded"),
    CONTEXT_WINDOW_EXCEEDED("litellm.ContextWindowExceededError", ErrorKind.CONTEXT_WINDOW_EXCEEDED, 400, "context_length_exceeded"),
    CONTENT_POLICY_VIOLATION("litellm.ContentPolicyViolationError", ErrorKind.CONTENT_POLICY, 400, "content_policy_violation"),
    TIMEOUT("litellm.Timeout", ErrorKind.TIMEOUT, 408, null),
    INTERNAL_SERVER("litellm.InternalServerError", ErrorKind.UPSTREAM_SERVER, 500, null),
    AUTHENTICATION("litellm.AuthenticationError", ErrorKind.AUTHENTICATION, 401, "invalid_api_key");

    private final String litellmName;
    private final ErrorKind kind;
    private final int httpStatus;
    private final String code;

    MockError(String litellmName, ErrorKind kind, int httpStatus, String code)
    {
        this.litellmName = litellmName;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static Optional<MockError> named(String mockResponse)
    {
        String name = mockResponse.trim();
        return Arrays.stream(values()).filter(error -> error.litellmName.equals(name)).findFirst();
    }

    String litellmName()
    {
        return litellmName;
    }

    ErrorKind kind()
    {
        return kind;
    }

    /** A fresh exception for each request, as if an upstream had answered with this error. */
    ProviderException toException(String modelGroup)
    {
        return new ProviderException(kind, litellmName + ": mock_response of a " + modelGroup + " deployment raised this error on purpose",
                httpStatus, code, null, null, Map.of(), null);
    }
}
