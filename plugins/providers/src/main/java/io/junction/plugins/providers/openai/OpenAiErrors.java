package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.RetryAfter;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an OpenAI-compatible upstream's errors into {@link ProviderException}s: the kind from the HTTP status,
 * refined by the error's {@code code}; the wait the upstream asked for; its rate-limit headers. Messages reach the
 * client, so they are capped in length and the deployment's API key is redacted from them.
 */
final class OpenAiErrors
{
    private static final String RATE_LIMIT_HEADER_PREFIX = "x-ratelimit-";
    private static final Set<String> CONTEXT_WINDOW_CODES = Set.of("context_length_exceeded");
    private static final Set<String> CONTENT_POLICY_CODES = Set.of("content_policy_violation", "content_filter");

    private final String provider;
    private final UpstreamErrors upstreamErrors;
    private final InstantSource clock;

    /**
     * @param provider the model prefix ({@code openai}, {@code groq}...), to tell the client who failed
     * @param secrets every credential of the deployment, redacted from what the upstream echoes
     */
    OpenAiErrors(String provider, List<Secret> secrets, InstantSource clock)
    {
        this.provider = provider;
        this.upstreamErrors = new UpstreamErrors(provider, secrets, clock);
        this.clock = clock;
    }

    /** The error an HTTP response with a status other than 2xx stands for. */
    ProviderException fromResponse(int status, Map<String, String> headers, byte[] body)
    {
        UpstreamError error = OpenAiBodyScanner.error(body);
        String message;
        if (error == null) {
            // an HTML page from a proxy, say: never echo it
            message = provider + " returned HTTP " + status + " without an OpenAI error body";
            error = new UpstreamError(null, null, null, null);
        }
        else {
            message = describe("returned HTTP " + status, error) + contentFilterDetail(error);
        }
        return new ProviderException(kindOf(status, error), message, status, redact(error.code()), redact(error.param()),
                RetryAfter.from(headers, clock.instant()).orElse(null), rateLimitHeaders(headers), null);
    }

    /** An error object sent as a {@code data:} event in place of a chunk. */
    ProviderException fromStreamEvent(UpstreamError error)
    {
        return new ProviderException(kindOf(0, error), describe("sent an error in the stream", error), 0,
                redact(error.code()), redact(error.param()), null, Map.of(), null);
    }

    ProviderException streamCut()
    {
        return new ProviderException(ErrorKind.UNAVAILABLE, "the upstream stream from " + provider + " was cut before [DONE]");
    }

    /** The upstream's {@code x-ratelimit-*} headers, worth passing on to the client. */
    static Map<String, String> rateLimitHeaders(Map<String, String> headers)
    {
        Map<String, String> rateLimits = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().startsWith(RATE_LIMIT_HEADER_PREFIX)) {
                if (rateLimits == null) {
                    rateLimits = new LinkedHashMap<>();
                }
                rateLimits.put(header.getKey(), header.getValue());
            }
        }
        return rateLimits == null ? Map.of() : rateLimits;
    }

    static ErrorKind kindOf(int status, UpstreamError error)
    {
        // immutable sets refuse contains(null)
        String code = Optional.ofNullable(lowerCase(error.code())).orElse("");
        String message = lowerCase(error.message());
        if (CONTEXT_WINDOW_CODES.contains(code) || (message != null && message.contains("maximum context length"))) {
            return ErrorKind.CONTEXT_WINDOW_EXCEEDED;
        }
        if (CONTENT_POLICY_CODES.contains(code)) {
            return ErrorKind.CONTENT_POLICY;
        }
        if (status > 0) {
            return ErrorKind.fromHttpStatus(status);
        }
        return kindOfStatusless(code, lowerCase(error.type()));
    }

    /** For an error inside a stream, which has no HTTP status of its own. */
    private static ErrorKind kindOfStatusless(String code, String type)
    {
        if (code.matches("[45]\\d\\d")) {
            // vLLM and others put the HTTP status in code
            return ErrorKind.fromHttpStatus(Integer.parseInt(code));
        }
        if ("rate_limit_exceeded".equals(code) || "rate_limit_error".equals(type) || "rate_limit_exceeded".equals(type)) {
            return ErrorKind.RATE_LIMITED;
        }
        if (type == null) {
            return ErrorKind.UPSTREAM_SERVER;
        }
        return switch (type) {
            case "invalid_request_error" -> ErrorKind.INVALID_REQUEST;
            case "authentication_error" -> ErrorKind.AUTHENTICATION;
            case "permission_error" -> ErrorKind.PERMISSION_DENIED;
            case "not_found_error" -> ErrorKind.NOT_FOUND;
            default -> ErrorKind.UPSTREAM_SERVER;
        };
    }

    /** Which of Azure's content-filter categories blocked the request, so the client knows what to change. */
    private static String contentFilterDetail(UpstreamError error)
    {
        if (error.filteredCategories().isEmpty()) {
            return "";
        }
        return " (blocked by the content filter: " + String.join(", ", error.filteredCategories()) + ")";
    }

    private String describe(String what, UpstreamError error)
    {
        String text = upstreamErrors.clean(error.message());
        return text.isBlank() ? provider + " " + what : provider + " " + what + ": " + text;
    }

    /** The deployment's secrets redacted (and the length capped); null stays null, as an absent code or param. */
    private String redact(String text)
    {
        return text == null ? null : upstreamErrors.clean(text);
    }

    private static String lowerCase(String text)
    {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
