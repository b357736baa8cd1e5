package io.junction.plugins.providers.openai;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code litellm_params} checks every OpenAI-compatible deployment shares: a base URL that is an http(s) URL,
 * {@code extra_headers} with valid names, {@code supports_stream_options}. Failures name the key and the fix.
 */
public final class UpstreamConfig
{
    private UpstreamConfig() {}

    /** {@code api_base} (else {@code fallback}) without trailing slashes, or empty when neither is set. */
    public static Optional<String> apiBase(ConfigView params, Optional<String> fallback)
    {
        return params.string("api_base").map(String::trim).filter(base -> !base.isEmpty())
                .or(() -> fallback.map(String::trim).filter(base -> !base.isEmpty()))
                .map(UpstreamConfig::withoutTrailingSlashes);
    }

    /**
     * The URI of {@code apiBase} followed by {@code pathAndQuery}, checked to be an http(s) URL with a host.
     *
     * @param example a base URL the fix suggests, e.g. http://localhost:8000/v1
     */
    public static URI uri(ConfigView params, String apiBase, String pathAndQuery, String example)
    {
        String key = params.keyPath("api_base");
        String fix = " Fix: set " + key + " to an http(s) URL such as " + example + ".";
        URI base;
        URI uri;
        try {
            base = new URI(apiBase);
            uri = new URI(apiBase + pathAndQuery);
        }
        catch (URISyntaxException e) {
            throw new ConfigException(key, "is not a valid URL: '" + apiBase + "' (" + e.getReason() + ")." + fix);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(key, "must be an http or https URL with a host but was '" + apiBase + "'." + fix);
        }
        if (base.getQuery() != null || base.getFragment() != null) {
            throw new ConfigException(key, "must not have a query or fragment but was '" + apiBase + "'." + fix);
        }
        return uri;
    }

    /** Adds {@code extra_headers} (a mapping) to {@code headers}, names in lower case. */
    public static void putExtraHeaders(ConfigView params, Map<String, String> headers)
    {
        params.section("extra_headers").ifPresent(extra -> {
            for (String name : extra.keys()) {
                headers.put(headerName(extra, name), extra.string(name).orElse(""));
            }
        });
    }

    /** {@code supports_stream_options}: whether the upstream takes {@code stream_options.include_usage}. */
    public static boolean supportsStreamOptions(ConfigView params, boolean byDefault)
    {
        return params.bool("supports_stream_options").orElse(byDefault);
    }

    private static String headerName(ConfigView extra, String name)
    {
        if (name.isEmpty() || !name.chars().allMatch(UpstreamConfig::isTokenChar)) {
            throw new ConfigException(extra.keyPath(name), "is not a valid HTTP header name. "
                    + "Fix: use letters, digits and - only, e.g. X-My-Header.");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    // RFC 9110 token characters
    private static boolean isTokenChar(int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String withoutTrailingSlashes(String base)
    {
        String trimmed = base;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
