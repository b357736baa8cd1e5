package io.junction.tck.kit;

import java.util.regex.Pattern;

/**
 * What a name configuration refers to must look like: the names LiteLLM uses ({@code simple-shuffle},
 * {@code redis-semantic}, {@code fireworks_ai}) are lower case letters, digits, '-', '_' and '.', starting with a
 * letter or digit. Anything else (spaces, capitals, a '/') cannot be written reliably in a config file or model
 * prefix.
 */
public final class ExtensionNames
{
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private ExtensionNames() {}

    public static boolean wellFormed(String name)
    {
        return name != null && WELL_FORMED.matcher(name).matches();
    }

    /** The reason a name is refused, for an assertion message. */
    public static String requirement()
    {
        return "lower case letters, digits, '-', '_' or '.', starting with a letter or digit";
    }
}
