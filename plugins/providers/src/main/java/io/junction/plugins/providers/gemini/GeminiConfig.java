package io.junction.plugins.providers.gemini;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code litellm_params} both Google providers share: {@code api_base}, {@code extra_headers}, the model name. */
final class GeminiConfig
{
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9._@-]+");

    private GeminiConfig() {}

    /** {@code api_base} without trailing slashes, checked to be an http(s) URL without query or fragment. */
    static String apiBase(ConfigView params, String defaultBase)
    {
        String key = params.keyPath("api_base");
        String apiBase = params.string("api_base").map(String::trim).filter(base -> !base.isEmpty()).orElse(defaultBase);
        while (apiBase.endsWith("/")) {
            apiBase = apiBase.substring(0, apiBase.length() - 1);
        }
        String fix = " Fix: set " + key + " to an http(s) URL such as " + defaultBase + ", or remove it.";
        URI uri;
        try {
            uri = new URI(apiBase);
        }
        catch (URISyntaxException e) {
            throw new ConfigException(key, "is not a valid URL: '" + apiBase + "' (" + e.getReason() + ")." + fix);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(key, "must be an http or https URL with a host but was '" + apiBase + "'." + fix);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException(key, "must not have a query or fragment but was '" + apiBase + "'." + fix);
        }
        return apiBase;
    }

    /**
     * Whether {@code api_base} is LiteLLM's full form, the URL up to the model ({@code .../models/gemini-pro}), to
     * which only {@code :method} is appended.
     */
    static boolean namesTheModel(String apiBase)
    {
        return apiBase.contains("/models/") || apiBase.contains("/endpoints/");
    }

    static String model(ConfigView params, String model)
    {
        if (!MODEL_NAME.matcher(model).matches()) {
            String key = params.keyPath("model");
            throw new ConfigException(key, "names the model '" + model + "', which cannot be part of a URL path. "
                    + "Fix: use the model id as Google lists it, e.g. gemini-2.5-flash.");
        }
        return model;
    }

    static URI uri(String text, ConfigView params)
    {
        try {
            return new URI(text);
        }
        catch (URISyntaxException e) {
            throw new ConfigException(params.keyPath("api_base"), "does not make a valid URL with the model: '" + text + "' ("
                    + e.getReason() + ").");
        }
    }

    /** {@code extra_headers}: sent with every request, lower-cased names. */
    static Map<String, String> extraHeaders(ConfigView params)
    {
        Map<String, String> headers = new LinkedHashMap<>();
        params.section("extra_headers").ifPresent(extra -> {
            for (String name : extra.keys()) {
                if (name.isEmpty() || !name.chars().allMatch(GeminiConfig::isTokenChar)) {
                    throw new ConfigException(extra.keyPath(name), "is not a valid HTTP header name. "
                            + "Fix: use letters, digits and - only, e.g. X-My-Header.");
                }
                headers.put(name.toLowerCase(Locale.ROOT), extra.string(name).orElse(""));
            }
        });
        return headers;
    }

    // RFC 9110 token characters
    private static boolean isTokenChar(int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
