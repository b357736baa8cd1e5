package io.junction.kernel.plugin;

import io.junction.spi.ExtensionFactory;

import java.util.Objects;

/** An extension factory together with the id of the plugin that provided it (for logs, faults and conflicts). */
public record Registered<F extends ExtensionFactory>(String pluginId, F factory, ClassLoader classLoader)
{
    public Registered
    {
        Objects.requireNonNull(pluginId, "pluginId is null");
        Objects.requireNonNull(factory, "factory is null");
        Objects.requireNonNull(classLoader, "classLoader is null");
    }
}
