package io.junction.plugins.providers.gemini;

import io.junction.plugins.providers.common.ExtraHeaders;
import io.junction.plugins.providers.common.HttpUrls;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
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
        String apiBase = HttpUrls.withoutTrailingSlashes(params.string("api_base").map(String::trim).filter(base -> !base.isEmpty())
                .orElse(defaultBase));
        HttpUrls.checked(key, apiBase, " Fix: set " + key + " to an http(s) URL such as " + defaultBase + ", or remove it.");
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
        ExtraHeaders.putInto(headers, params);
        return headers;
    }
}
