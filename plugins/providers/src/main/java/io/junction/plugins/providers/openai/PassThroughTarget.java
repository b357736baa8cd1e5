package io.junction.plugins.providers.openai;

import io.junction.spi.Secret;
import io.junction.spi.provider.Endpoint;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that differs between the upstreams {@link OpenAiAdapter} serves (OpenAI, Groq, Azure OpenAI...): where
 * each endpoint is, the headers every request carries, the secrets to keep out of error messages, and what the
 * upstream accepts beyond OpenAI's own API.
 *
 * @param provider the model prefix ({@code openai}, {@code azure}...), named in errors
 * @param upstreamModel the model name spliced into the body ({@code gpt-4o}, an Azure deployment name)
 * @param endpointUris the full URI of each endpoint served, query included
 * @param headers lower-case names; auth headers among them, so the values are never shown
 * @param secrets every credential the headers carry, redacted from upstream messages before anyone sees them
 * @param supportsStreamOptions whether the upstream accepts {@code stream_options}, so the gateway can ask it for
 *        the usage of every stream
 * @param parameterRules the OpenAI parameters the upstream refuses or names differently
 */
public record PassThroughTarget(
        String provider,
        String upstreamModel,
        Map<Endpoint, URI> endpointUris,
        Map<String, String> headers,
        List<Secret> secrets,
        boolean supportsStreamOptions,
        ParameterRules parameterRules)
{
    public PassThroughTarget
    {
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(upstreamModel, "upstreamModel is null");
        endpointUris = Collections.unmodifiableMap(new EnumMap<>(endpointUris));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        secrets = List.copyOf(secrets);
        Objects.requireNonNull(parameterRules, "parameterRules is null");
    }

    @Override
    public String toString()
    {
        // the headers carry the credentials
        return "PassThroughTarget[" + provider + "/" + upstreamModel + ", " + endpointUris.get(Endpoint.CHAT_COMPLETIONS)
                + ", headers=" + headers.keySet() + ", supportsStreamOptions=" + supportsStreamOptions + "]";
    }
}
