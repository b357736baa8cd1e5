package io.junction.spi;

import java.util.Set;

/**
 * What every factory of an extension has in common: the name configuration refers to it by, and the
 * configuration keys whose values are secret, so the kernel can mask them in logs, errors and config dumps.
 */
public interface ExtensionFactory
{
    /** The name used in configuration, e.g. {@code simple-shuffle}, {@code openai}, {@code prometheus}. */
    String name();

    /** Configuration keys of this extension whose values must never be shown. */
    default Set<String> secretKeys()
    {
        return Set.of();
    }
}
