package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.RetryAfter;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Google's errors ({@code {"error": {"code", "message", "status", "details"}}}, which Vertex sometimes wraps in an
 * array) as {@link ProviderException}s: the kind from the canonical {@code status}, refined by the message (a prompt
 * over the context window, an invalid API key reported as INVALID_ARGUMENT), and the wait a 429 asks for, which Google
 * gives in a {@code google.rpc.RetryInfo} detail rather than a header.
 */
final class GeminiErrors
{
    private static final List<String> CONTEXT_WINDOW_PHRASES = List.of("exceeds the maximum number of tokens",
            "input token count", "context window", "too many tokens", "prompt is too long");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    // a wait of days is a misreading, not advice worth following
    private static final Duration MAX_RETRY_DELAY = Duration.ofDays(1);

    private final String provider;
    private final Supplier<List<Secret>> secrets;
    private final InstantSource clock;

    /**
     * @param provider the model prefix ({@code gemini}, {@code vertex_ai}), to tell the client who failed
     * @param secrets the deployment's secrets as of now, redacted from any message that echoes them: asked on each
     *        error, since a service account's access token changes
     */
    GeminiErrors(String provider, Supplier<List<Secret>> secrets, InstantSource clock)
    {
        this.provider = provider;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The error an HTTP response with a status other than 2xx stands for. */
    ProviderException fromResponse(int status, Map<String, String> headers, byte[] body)
    {
        JsonNode error = errorObject(body);
        String message = clean(error.path("message").asText(""));
        String googleStatus = error.path("status").asText("");
        ErrorKind kind = kindOf(status, googleStatus, message, error.path("details"));
        String text = provider + " returned HTTP " + status + (googleStatus.isEmpty() ? "" : " " + googleStatus)
                + (message.isBlank() ? "" : ": " + message);
        Duration retryAfter = retryDelay(error.path("details")).or(() -> RetryAfter.from(headers, clock.instant())).orElse(null);
        return new ProviderException(kind, text, status, code(kind, googleStatus), null, retryAfter,
                UpstreamErrors.rateLimitHeaders(headers), null);
    }

    /** An {@code error} object sent as an event of a stream that had started well. */
    ProviderException fromStreamEvent(JsonNode error)
    {
        String message = clean(error.path("message").asText(""));
        String googleStatus = error.path("status").asText("");
        int code = error.path("code").asInt(0);
        ErrorKind kind = kindOf(code, googleStatus, message, error.path("details"));
        return new ProviderException(kind, provider + " sent an error in the stream" + (googleStatus.isEmpty() ? "" : " " + googleStatus)
                + (message.isBlank() ? "" : ": " + message), code, code(kind, googleStatus), null,
                retryDelay(error.path("details")).orElse(null), Map.of(), null);
    }

    private String clean(String message)
    {
        return new UpstreamErrors(provider, secrets.get(), clock).clean(message);
    }

    /** Gemini refused the prompt itself ({@code promptFeedback.blockReason}) and generated nothing. */
    ProviderException blockedPrompt(String blockReason)
    {
        return new ProviderException(ErrorKind.CONTENT_POLICY, provider + " blocked the prompt (blockReason " + blockReason + ")",
                400, "content_policy_violation", null, null, Map.of(), null);
    }

    static ErrorKind kindOf(int status, String googleStatus, String message, JsonNode details)
    {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("api key not valid") || text.contains("api key expired") || hasReason(details, "API_KEY_INVALID")) {
            // Google reports a bad key as 400 INVALID_ARGUMENT
            return ErrorKind.AUTHENTICATION;
        }
        boolean badArgument = googleStatus.equals("INVALID_ARGUMENT") || (googleStatus.isEmpty() && (status == 400 || status == 0));
        if (badArgument && CONTEXT_WINDOW_PHRASES.stream().anyMatch(text::contains)) {
            return ErrorKind.CONTEXT_WINDOW_EXCEEDED;
        }
        return switch (googleStatus) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> ErrorKind.INVALID_REQUEST;
            case "UNAUTHENTICATED" -> ErrorKind.AUTHENTICATION;
            case "PERMISSION_DENIED" -> ErrorKind.PERMISSION_DENIED;
            case "NOT_FOUND" -> ErrorKind.NOT_FOUND;
            case "RESOURCE_EXHAUSTED" -> ErrorKind.RATE_LIMITED;
            case "UNAVAILABLE", "ABORTED" -> ErrorKind.UNAVAILABLE;
            case "DEADLINE_EXCEEDED" -> ErrorKind.TIMEOUT;
            case "INTERNAL", "UNKNOWN", "DATA_LOSS", "CANCELLED" -> ErrorKind.UPSTREAM_SERVER;
            default -> status > 0 ? ErrorKind.fromHttpStatus(status) : ErrorKind.UPSTREAM_SERVER;
        };
    }

    /** The {@code retryDelay} of a {@code google.rpc.RetryInfo} detail: a protobuf duration such as {@code "31s"} or {@code "4.5s"}. */
    static Optional<Duration> retryDelay(JsonNode details)
    {
        for (JsonNode detail : details) {
            if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo")) {
                String delay = detail.path("retryDelay").asText("");
                if (delay.endsWith("s")) {
                    try {
                        BigDecimal seconds = new BigDecimal(delay.substring(0, delay.length() - 1));
                        Duration wait = Duration.ofNanos(seconds.multiply(NANOS_PER_SECOND).longValueExact());
                        if (!wait.isNegative() && wait.compareTo(MAX_RETRY_DELAY) <= 0) {
                            return Optional.of(wait);
                        }
                    }
                    catch (NumberFormatException | ArithmeticException e) {
                        // not a duration: ignored, as if absent
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasReason(JsonNode details, String reason)
    {
        for (JsonNode detail : details) {
            if (reason.equals(detail.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String code(ErrorKind kind, String googleStatus)
    {
        return switch (kind) {
            case CONTEXT_WINDOW_EXCEEDED -> "context_length_exceeded";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case AUTHENTICATION -> "invalid_api_key";
            default -> googleStatus.isEmpty() ? null : googleStatus;
        };
    }

    /** The {@code error} object, unwrapped from Vertex's array form; a missing node when the body is not Google's JSON. */
    private static JsonNode errorObject(byte[] body)
    {
        // an HTML page from a proxy, say, has no error object and is never echoed
        JsonNode root = Json.parseOrMissing(body);
        if (root.isArray() && !root.isEmpty()) {
            root = root.get(0);
        }
        return root.path("error").isObject() ? root.path("error") : Json.object();
    }
}
