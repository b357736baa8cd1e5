package io.junction.spi;

/**
 * Configuration that cannot work. The message names the key (as a path such as
 * {@code model_list[0].litellm_params.rpm}), the value that was found, and the fix.
 */
public class ConfigException extends RuntimeException
{
    private final String key;

    public ConfigException(String key, String message)
    {
        super(key + ": " + message);
        this.key = key;
    }

    /** The full path of the offending key. */
    public String key()
    {
        return key;
    }
}
