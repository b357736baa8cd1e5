package io.junction.spi.provider;

import io.junction.spi.ErrorKind;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a provider that failed: an upstream error mapped to an {@link ErrorKind}, or a transport failure
 * (connection refused, timeout). The message is shown to the client, so it must never contain a secret.
 */
public class ProviderException extends RuntimeException
{
    private final ErrorKind kind;
    private final int upstreamStatus;
    private final String code;
    private final String param;
    private final Duration retryAfter;
    private final Map<String, String> headers;

    public ProviderException(ErrorKind kind, String message)
    {
        this(kind, message, 0, null, null, null, Map.of(), null);
    }

    public ProviderException(ErrorKind kind, String message, Throwable cause)
    {
        this(kind, message, 0, null, null, null, Map.of(), cause);
    }

    /**
     * @param upstreamStatus the provider's HTTP status, 0 when there was no answer
     * @param code OpenAI's {@code error.code} (e.g. {@code context_length_exceeded}), or null
     * @param param OpenAI's {@code error.param}, or null
     * @param retryAfter how long the provider asked callers to wait, or null
     * @param headers provider headers worth passing on to the client (rate-limit figures), never auth headers
     */
    public ProviderException(ErrorKind kind, String message, int upstreamStatus, String code, String param,
            Duration retryAfter, Map<String, String> headers, Throwable cause)
    {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.upstreamStatus = upstreamStatus;
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    public ErrorKind kind()
    {
        return kind;
    }

    public int upstreamStatus()
    {
        return upstreamStatus;
    }

    public Optional<String> code()
    {
        return Optional.ofNullable(code);
    }

    public Optional<String> param()
    {
        return Optional.ofNullable(param);
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
