package io.junction.plugins.providers.common;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.util.Locale;
import java.util.Map;

/** {@code extra_headers}, a mapping of headers sent with every request of a deployment, as LiteLLM has it. */
public final class ExtraHeaders
{
    private ExtraHeaders() {}

    /** Adds {@code extra_headers} to {@code headers}, names in lower case. */
    public static void putInto(Map<String, String> headers, ConfigView params)
    {
        putInto(headers, params, "X-My-Header");
    }

    /**
     * @param exampleName the header name the fix of an invalid name suggests
     * @throws ConfigException naming the key, when a name is not an HTTP token
     */
    public static void putInto(Map<String, String> headers, ConfigView params, String exampleName)
    {
        params.section("extra_headers").ifPresent(extra -> {
            for (String name : extra.keys()) {
                if (name.isEmpty() || !name.chars().allMatch(ExtraHeaders::isTokenChar)) {
                    throw new ConfigException(extra.keyPath(name), "is not a valid HTTP header name. "
                            + "Fix: use letters, digits and - only, e.g. " + exampleName + ".");
                }
                headers.put(name.toLowerCase(Locale.ROOT), extra.string(name).orElse(""));
            }
        });
    }

    // RFC 9110 token characters
    private static boolean isTokenChar(int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
