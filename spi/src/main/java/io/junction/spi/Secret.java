package io.junction.spi;

import java.util.Objects;

/**
 * A secret configuration value (an API key, a password). Its {@code toString} never shows the value, so a secret
 * that ends up in a log line, an exception message or a config dump by accident is still masked.
 */
public record Secret(String value)
{
    public static final String MASK = "****";

    public Secret
    {
        Objects.requireNonNull(value, "value is null");
    }

    /** The value itself, for the one place that needs it (an Authorization header, a signature). */
    public String reveal()
    {
        return value;
    }

    public boolean isEmpty()
    {
        return value.isEmpty();
    }

    @Override
    public String toString()
    {
        return MASK;
    }
}
