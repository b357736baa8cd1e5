package io.junction.plugins.providers.common;

import io.junction.spi.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The check every provider makes of a configured base URL ({@code api_base} and the like): an http(s) URL with a
 * host, without query or fragment. Failures name the key, quote what was written and end with the fix.
 */
public final class HttpUrls
{
    private HttpUrls() {}

    /** {@code base} without its trailing slashes. */
    public static String withoutTrailingSlashes(String base)
    {
        String trimmed = base;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * {@code address} as a URI, checked to be an http(s) URL with a host and without query or fragment.
     *
     * @param key the configuration key a failure names
     * @param fix the sentence appended to every failure, starting with a space
     */
    public static URI checked(String key, String address, String fix)
    {
        return checked(key, address, address, fix);
    }

    /**
     * {@code address}, made from what the user wrote, as a URI checked like {@link #checked(String, String, String)};
     * failures quote {@code written}, not the address.
     */
    public static URI checked(String key, String written, String address, String fix)
    {
        URI uri = parse(key, written, address, fix);
        requireHttpWithHost(key, written, uri, fix);
        requireNoQueryOrFragment(key, written, uri, fix);
        return uri;
    }

    /**
     * {@code base} followed by {@code pathAndQuery}: the whole checked to be an http(s) URL with a host, the base
     * to have no query or fragment (the path may bring its own query).
     */
    public static URI joined(String key, String base, String pathAndQuery, String fix)
    {
        URI baseUri = parse(key, base, base, fix);
        URI uri = parse(key, base, base + pathAndQuery, fix);
        requireHttpWithHost(key, base, uri, fix);
        requireNoQueryOrFragment(key, base, baseUri, fix);
        return uri;
    }

    private static URI parse(String key, String written, String address, String fix)
    {
        try {
            return new URI(address);
        }
        catch (URISyntaxException e) {
            throw new ConfigException(key, "is not a valid URL: '" + written + "' (" + e.getReason() + ")." + fix);
        }
    }

    private static void requireHttpWithHost(String key, String written, URI uri, String fix)
    {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(key, "must be an http or https URL with a host but was '" + written + "'." + fix);
        }
    }

    private static void requireNoQueryOrFragment(String key, String written, URI uri, String fix)
    {
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException(key, "must not have a query or fragment but was '" + written + "'." + fix);
        }
    }
}
