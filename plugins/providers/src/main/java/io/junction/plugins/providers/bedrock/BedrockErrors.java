package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.RetryAfter;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;

import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bedrock's errors as {@link ProviderException}s. An HTTP error names its exception in the {@code x-amzn-errortype}
 * header ({@code ValidationException:http://internal.amazon.com/...}) and carries {@code {"message": "..."}}; a
 * stream names it in the {@code :exception-type} header of an exception message. The exception decides the kind,
 * the message refines a validation error into a context-window one.
 */
final class BedrockErrors
{
    static final String PROVIDER = "bedrock";
    private static final List<String> CONTEXT_WINDOW_PHRASES = List.of("too many input tokens", "input is too long",
            "prompt is too long", "too many tokens", "context window", "context length", "maximum context");

    private final UpstreamErrors upstreamErrors;
    private final InstantSource clock;

    /**
     * @param secrets every secret of the deployment, redacted from whatever the provider echoes
     */
    BedrockErrors(List<Secret> secrets, InstantSource clock)
    {
        this.upstreamErrors = new UpstreamErrors(PROVIDER, secrets, clock);
        this.clock = clock;
    }

    /** The error an HTTP answer other than 2xx stands for. */
    ProviderException fromResponse(int status, Map<String, String> headers, byte[] body)
    {
        Optional<JsonNode> json = parse(body);
        String exceptionType = Optional.ofNullable(headers.get("x-amzn-errortype"))
                .or(() -> json.map(node -> node.path("__type").asText(null)))
                .map(BedrockErrors::shortName)
                .orElse("");
        String providerMessage = message(json);
        ErrorKind kind = kindOf(exceptionType, status, providerMessage);

        StringBuilder message = new StringBuilder(PROVIDER).append(" returned HTTP ").append(status);
        if (!exceptionType.isEmpty()) {
            message.append(' ').append(upstreamErrors.clean(exceptionType));
        }
        if (!providerMessage.isBlank()) {
            message.append(": ").append(upstreamErrors.clean(providerMessage));
        }
        Optional.ofNullable(headers.get("x-amzn-requestid")).ifPresent(id -> message.append(" (request id ").append(upstreamErrors.clean(id)).append(')'));
        return new ProviderException(kind, message.toString(), status, code(kind, exceptionType), null,
                RetryAfter.from(headers, clock.instant()).orElse(null), UpstreamErrors.rateLimitHeaders(headers), null);
    }

    /** An exception message inside a stream that had started well ({@code :message-type: exception}). */
    ProviderException fromStreamException(String exceptionType, byte[] payload)
    {
        String providerMessage = message(parse(payload));
        ErrorKind kind = kindOf(exceptionType, 0, providerMessage);
        String message = PROVIDER + " sent " + upstreamErrors.clean(exceptionType) + " in the stream"
                + (providerMessage.isBlank() ? "" : ": " + upstreamErrors.clean(providerMessage));
        return new ProviderException(kind, message, 0, code(kind, exceptionType), null, null, Map.of(), null);
    }

    /** A protocol-level error message ({@code :message-type: error}, with {@code :error-code} and {@code :error-message}). */
    ProviderException fromStreamError(String errorCode, String errorMessage)
    {
        ErrorKind kind = kindOf(errorCode, 0, errorMessage);
        return new ProviderException(kind, PROVIDER + " sent the stream error " + upstreamErrors.clean(errorCode)
                + (errorMessage.isBlank() ? "" : ": " + upstreamErrors.clean(errorMessage)), 0, code(kind, errorCode), null, null, Map.of(), null);
    }

    /** The kind for one of Bedrock's exceptions (either spelling: {@code ThrottlingException}, {@code throttlingException}). */
    static ErrorKind kindOf(String exceptionType, int status, String message)
    {
        String lowerMessage = message.toLowerCase(Locale.ROOT);
        return switch (exceptionType.toLowerCase(Locale.ROOT)) {
            case "validationexception" -> CONTEXT_WINDOW_PHRASES.stream().anyMatch(lowerMessage::contains)
                    ? ErrorKind.CONTEXT_WINDOW_EXCEEDED
                    : UpstreamErrors.kindOf(400, message, "");
            case "accessdeniedexception" -> ErrorKind.PERMISSION_DENIED;
            case "unrecognizedclientexception", "invalidsignatureexception", "incompletesignatureexception",
                 "missingauthenticationtokenexception", "expiredtokenexception", "invalidclienttokenid",
                 "signaturedoesnotmatch" -> ErrorKind.AUTHENTICATION;
            case "resourcenotfoundexception" -> ErrorKind.NOT_FOUND;
            case "throttlingexception", "servicequotaexceededexception", "toomanyrequestsexception" -> ErrorKind.RATE_LIMITED;
            case "serviceunavailableexception", "modelnotreadyexception" -> ErrorKind.UNAVAILABLE;
            case "modeltimeoutexception" -> ErrorKind.TIMEOUT;
            case "internalserverexception", "modelerrorexception", "modelstreamerrorexception" -> ErrorKind.UPSTREAM_SERVER;
            default -> UpstreamErrors.kindOf(status, message, exceptionType);
        };
    }

    private static String code(ErrorKind kind, String exceptionType)
    {
        return switch (kind) {
            case CONTEXT_WINDOW_EXCEEDED -> "context_length_exceeded";
            case CONTENT_POLICY -> "content_policy_violation";
            case RATE_LIMITED -> "rate_limit_exceeded";
            default -> exceptionType.isEmpty() ? null : exceptionType;
        };
    }

    /** {@code ValidationException:http://internal...} and {@code com.amazon.coral#ValidationException} name the same. */
    private static String shortName(String exceptionType)
    {
        String name = exceptionType.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        int hash = name.lastIndexOf('#');
        return hash >= 0 ? name.substring(hash + 1) : name;
    }

    /** The body as a JSON object; empty for an HTML page from a proxy, say: the status and the exception type still speak. */
    private static Optional<JsonNode> parse(byte[] body)
    {
        JsonNode node = Json.parseOrMissing(body);
        return node.isObject() ? Optional.of(node) : Optional.empty();
    }

    /** The {@code message} of an error body (some of Bedrock's exceptions spell it {@code Message}). */
    private static String message(Optional<JsonNode> body)
    {
        return body.map(node -> node.has("message") ? node.get("message") : node.path("Message"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).orElse("");
    }
}
