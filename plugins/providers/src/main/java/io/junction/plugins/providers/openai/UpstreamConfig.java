package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.HttpUrls;
import io.junction.spi.ConfigView;

import java.net.URI;
import java.util.Optional;

/**
 * The {@code litellm_params} checks every OpenAI-compatible deployment shares: a base URL that is an http(s) URL, and
 * {@code supports_stream_options}. Failures name the key and the fix.
 */
public final class UpstreamConfig
{
    private UpstreamConfig() {}

    /** {@code api_base} (else {@code fallback}) without trailing slashes, or empty when neither is set. */
    public static Optional<String> apiBase(ConfigView params, Optional<String> fallback)
    {
        return params.string("api_base").map(String::trim).filter(base -> !base.isEmpty())
                .or(() -> fallback.map(String::trim).filter(base -> !base.isEmpty()))
                .map(HttpUrls::withoutTrailingSlashes);
    }

    /**
     * The URI of {@code apiBase} followed by {@code pathAndQuery}, checked to be an http(s) URL with a host.
     *
     * @param example a base URL the fix suggests, e.g. http://localhost:8000/v1
     */
    public static URI uri(ConfigView params, String apiBase, String pathAndQuery, String example)
    {
        String key = params.keyPath("api_base");
        return HttpUrls.joined(key, apiBase, pathAndQuery, " Fix: set " + key + " to an http(s) URL such as " + example + ".");
    }

    /** {@code supports_stream_options}: whether the upstream takes {@code stream_options.include_usage}. */
    public static boolean supportsStreamOptions(ConfigView params, boolean byDefault)
    {
        return params.bool("supports_stream_options").orElse(byDefault);
    }
}
