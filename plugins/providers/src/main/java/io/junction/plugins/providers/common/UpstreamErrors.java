package io.junction.plugins.providers.common;

import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a provider's error answer into a {@link ProviderException}: the kind from the status, refined by what the
 * message says (context window, content policy), the wait the provider asked for, and its rate-limit headers.
 * Messages reach the client, so they are capped and every secret of the deployment is redacted from them.
 */
public final class UpstreamErrors
{
    private static final int MAX_MESSAGE_CHARS = 1000;
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
    private static final List<String> RATE_LIMIT_HEADER_PREFIXES = List.of("x-ratelimit-", "anthropic-ratelimit-", "x-ms-ratelimit-");
    private static final List<String> CONTEXT_WINDOW_PHRASES = List.of("context length", "context window", "prompt is too long",
            "input is too long", "too many tokens", "maximum context", "exceeds the maximum number of tokens", "input token count",
            "context_length_exceeded");
    private static final List<String> CONTENT_POLICY_PHRASES = List.of("content policy", "content_policy", "content filter",
            "content_filter", "safety", "responsibleaipolicyviolation", "blocked by");

    private final String provider;
    private final List<String> secrets;
    private final InstantSource clock;

    /**
     * @param provider the model prefix ({@code anthropic}...), to tell the client who failed
     * @param secrets every secret the deployment holds (keys, tokens), to redact from echoed messages
     */
    public UpstreamErrors(String provider, List<Secret> secrets, InstantSource clock)
    {
        this.provider = provider;
        this.secrets = secrets.stream().filter(secret -> !secret.isEmpty()).map(Secret::reveal).toList();
        this.clock = clock;
    }

    /**
     * @param providerMessage the message the provider's error body carries, if it has one the adapter could read
     * @param providerCode the provider's error code or type ({@code overloaded_error}, {@code RESOURCE_EXHAUSTED}), if any
     */
    public ProviderException fromResponse(int status, Map<String, String> headers, Optional<String> providerMessage, Optional<String> providerCode)
    {
        ErrorKind kind = kindOf(status, providerMessage.orElse(""), providerCode.orElse(""));
        String message = providerMessage.map(this::clean).filter(text -> !text.isBlank())
                .map(text -> provider + " returned HTTP " + status + ": " + text)
                .orElse(provider + " returned HTTP " + status);
        String code = switch (kind) {
            case CONTEXT_WINDOW_EXCEEDED -> "context_length_exceeded";
            case CONTENT_POLICY -> "content_policy_violation";
            case RATE_LIMITED -> "rate_limit_exceeded";
            default -> providerCode.map(this::clean).orElse(null);
        };
        return new ProviderException(kind, message, status, code, null, RetryAfter.from(headers, clock.instant()).orElse(null),
                rateLimitHeaders(headers), null);
    }

    /** An error the provider sent inside a stream that had started well. */
    public ProviderException fromStreamEvent(String message, String providerCode)
    {
        ErrorKind kind = kindOf(0, message == null ? "" : message, providerCode == null ? "" : providerCode);
        return new ProviderException(kind, provider + " sent an error in the stream: " + clean(message == null ? providerCode : message));
    }

    /** The kind for a status, refined by the provider's message and code. */
    public static ErrorKind kindOf(int status, String message, String code)
    {
        String text = (message + " " + code).toLowerCase(Locale.ROOT);
        if ((status == 400 || status == 413 || status == 0) && CONTEXT_WINDOW_PHRASES.stream().anyMatch(text::contains)) {
            return ErrorKind.CONTEXT_WINDOW_EXCEEDED;
        }
        if ((status == 400 || status == 0) && CONTENT_POLICY_PHRASES.stream().anyMatch(text::contains)) {
            return ErrorKind.CONTENT_POLICY;
        }
        if (status == 529 || text.contains("overloaded")) {
            // Anthropic's "overloaded": the provider is busy, another deployment may not be
            return ErrorKind.UNAVAILABLE;
        }
        if (status == 0) {
            if (text.contains("rate_limit") || text.contains("rate limit") || text.contains("resource_exhausted") || text.contains("throttl")) {
                return ErrorKind.RATE_LIMITED;
            }
            return ErrorKind.UPSTREAM_SERVER;
        }
        return ErrorKind.fromHttpStatus(status);
    }

    /** Reading a stream that had started well failed: the connection broke, not the provider's answer. */
    public static ProviderException streamReadFailed(String provider, IOException e)
    {
        return new ProviderException(ErrorKind.UNAVAILABLE,
                "reading the upstream stream from " + provider + " failed (" + e.getClass().getSimpleName() + ")", e);
    }

    /** A stream whose body ended before the provider's own end marker: cut, never a clean end. */
    public static ProviderException streamCut(String provider)
    {
        return new ProviderException(ErrorKind.UNAVAILABLE, "the upstream stream from " + provider + " was cut before its end");
    }

    /** Reads at most enough of an error body to hold any error object; a failed read leaves the status to speak. */
    public static byte[] readErrorBody(InputStream body)
    {
        try {
            return body.readNBytes(MAX_ERROR_BODY_BYTES);
        }
        catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** The provider's rate-limit headers (and Retry-After), worth passing on to the client. */
    public static Map<String, String> rateLimitHeaders(Map<String, String> headers)
    {
        Map<String, String> rateLimits = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (RATE_LIMIT_HEADER_PREFIXES.stream().anyMatch(name::startsWith) || name.equals("retry-after")) {
                if (rateLimits == null) {
                    rateLimits = new LinkedHashMap<>();
                }
                rateLimits.put(name, header.getValue());
            }
        }
        return rateLimits == null ? Map.of() : rateLimits;
    }

    /** Redacts the deployment's secrets and caps the length: the text is about to reach a client. */
    public String clean(String text)
    {
        if (text == null) {
            return "";
        }
        String cleaned = text;
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, Secret.MASK);
        }
        return cleaned.length() > MAX_MESSAGE_CHARS ? cleaned.substring(0, MAX_MESSAGE_CHARS) + "..." : cleaned;
    }
}
