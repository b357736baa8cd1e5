package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anthropic's errors, {@code {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}}, as
 * {@link ProviderException}s, and the rate-limit headers worth passing on to the client.
 */
final class AnthropicErrors
{
    static final String PROVIDER = "anthropic";

    /** LiteLLM also reports Anthropic's rate-limit figures under OpenAI's header names. */
    private static final Map<String, String> OPENAI_RATE_LIMIT_NAMES = Map.of(
            "anthropic-ratelimit-requests-limit", "x-ratelimit-limit-requests",
            "anthropic-ratelimit-requests-remaining", "x-ratelimit-remaining-requests",
            "anthropic-ratelimit-tokens-limit", "x-ratelimit-limit-tokens",
            "anthropic-ratelimit-tokens-remaining", "x-ratelimit-remaining-tokens");

    private final UpstreamErrors errors;

    AnthropicErrors(Secret apiKey, InstantSource clock)
    {
        this.errors = new UpstreamErrors(PROVIDER, List.of(apiKey), clock);
    }

    /** The error an HTTP response with a status other than 2xx stands for. */
    ProviderException fromResponse(int status, Map<String, String> headers, byte[] body)
    {
        JsonNode error = errorObject(body);
        Optional<String> message = text(error, "message");
        Optional<String> type = text(error, "type");
        return errors.fromResponse(status, withOpenAiRateLimitNames(headers), message, type);
    }

    /**
     * An {@code error} event inside a stream that began well. Its type is as precise as a status would be, so it is
     * read as the status Anthropic documents for it.
     */
    ProviderException fromStreamEvent(JsonNode event)
    {
        JsonNode error = event.path("error");
        String type = error.path("type").asText("");
        String message = error.path("message").asText(type);
        ErrorKind kind = UpstreamErrors.kindOf(statusOf(type), message, type);
        return new ProviderException(kind, PROVIDER + " sent an error in the stream: " + errors.clean(message), 0,
                type.isEmpty() ? null : errors.clean(type), null, null, Map.of(), null);
    }

    /** Anthropic's rate-limit headers and Retry-After, plus the OpenAI-named copies LiteLLM adds. */
    static Map<String, String> passedOnHeaders(Map<String, String> headers)
    {
        return UpstreamErrors.rateLimitHeaders(withOpenAiRateLimitNames(headers));
    }

    private static Map<String, String> withOpenAiRateLimitNames(Map<String, String> headers)
    {
        Map<String, String> named = null;
        for (Map.Entry<String, String> mapping : OPENAI_RATE_LIMIT_NAMES.entrySet()) {
            String value = headers.get(mapping.getKey());
            if (value != null) {
                if (named == null) {
                    named = new LinkedHashMap<>(headers);
                }
                named.putIfAbsent(mapping.getValue(), value);
            }
        }
        return named == null ? headers : named;
    }

    // the statuses of https://docs.anthropic.com/en/api/errors
    private static int statusOf(String type)
    {
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    private static JsonNode errorObject(byte[] body)
    {
        // an HTML page from a proxy, say, has no error object: the status speaks alone, the page is never echoed
        return Json.parseOrMissing(body).path("error");
    }

    private static Optional<String> text(JsonNode error, String field)
    {
        JsonNode value = error.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
