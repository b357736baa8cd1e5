package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ollama's errors: {@code {"error": "..."}} with the HTTP status (400 bad request, 404 model not found, 429, 500,
 * 502), or the same object as a line of a stream that had started well.
 */
final class OllamaErrors
{
    private final String provider;
    private final UpstreamErrors errors;

    OllamaErrors(String provider, List<Secret> secrets, InstantSource clock)
    {
        this.provider = provider;
        this.errors = new UpstreamErrors(provider, secrets, clock);
    }

    ProviderException fromResponse(int status, Map<String, String> headers, byte[] body)
    {
        return errors.fromResponse(status, headers, message(body), Optional.empty());
    }

    ProviderException fromStreamLine(String message)
    {
        return errors.fromStreamEvent(message, null);
    }

    ProviderException malformed(String what)
    {
        return new ProviderException(ErrorKind.UPSTREAM_SERVER, provider + " sent " + what + " that is not the JSON its API describes");
    }

    /** The {@code error} text of an error body; empty when the body is not Ollama's error object (an HTML page). */
    private static Optional<String> message(byte[] body)
    {
        JsonNode error = Json.parseOrMissing(body).path("error");
        return error.isTextual() ? Optional.of(error.asText()) : Optional.empty();
    }
}
