package io.junction.tck.validate;

import io.junction.spi.ExtensionFactory;

import java.util.Objects;

/**
 * One extension a loaded plugin provides, as the plugin host registered it.
 *
 * @param classLoader the plugin's class loader, the context class loader while its factory creates anything
 */
public record Extension(ExtensionKind kind, String name, String pluginId, ExtensionFactory factory, ClassLoader classLoader)
{
    public Extension
    {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(pluginId, "pluginId is null");
        Objects.requireNonNull(factory, "factory is null");
        Objects.requireNonNull(classLoader, "classLoader is null");
    }

    /** "routing strategy 'prefer-cheapest-healthy' of plugin acme-routing". */
    public String describe()
    {
        return kind.label() + " '" + name + "' of plugin " + pluginId;
    }
}
