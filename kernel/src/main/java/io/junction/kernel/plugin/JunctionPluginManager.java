package io.junction.kernel.plugin;

import io.junction.spi.JunctionPlugin;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

import java.nio.file.Path;
import java.util.Optional;

/**
 * PF4J, configured for Junction: jar plugins whose class loader sees only the SPI of the kernel, and whose
 * {@code Plugin-Class} implements our {@link JunctionPlugin} rather than PF4J's {@code Plugin}, so that the SPI
 * (and every plugin) compiles without PF4J.
 */
final class JunctionPluginManager
        extends JarPluginManager
{
    private final ClassLoader spiOnly = new SpiOnlyClassLoader(JunctionPlugin.class.getClassLoader());

    JunctionPluginManager(Path pluginsRoot, String systemVersion)
    {
        super(pluginsRoot);
        // a snapshot build satisfies a plugin's constraint on its release: 0.1.0-SNAPSHOT meets Plugin-Requires >=0.1.0
        setSystemVersion(releaseOf(systemVersion));
    }

    static String releaseOf(String version)
    {
        int qualifier = version.indexOf('-');
        return qualifier < 0 ? version : version.substring(0, qualifier);
    }

    /** Why a loaded plugin did not start, when it is its version constraint; empty otherwise. */
    Optional<String> versionMismatch(PluginWrapper wrapper)
    {
        String requires = wrapper.getDescriptor().getRequires();
        if (requires == null || requires.isBlank() || requires.equals("*") || getVersionManager().checkVersionConstraint(getSystemVersion(), requires)) {
            return Optional.empty();
        }
        return Optional.of("requires Junction " + requires + " (Plugin-Requires) but this is Junction " + getSystemVersion());
    }

    @Override
    protected PluginLoader createPluginLoader()
    {
        return new JarPluginLoader(this)
        {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor)
            {
                // application (= SPI only) first, so a plugin that bundled its own copy of the SPI still shares ours
                return new PluginClassLoader(pluginManager, descriptor, spiOnly, ClassLoadingStrategy.APD);
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory()
    {
        return JunctionPluginManager::instantiate;
    }

    private static Plugin instantiate(PluginWrapper wrapper)
    {
        String className = wrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank()) {
            throw new PluginRuntimeException("its manifest has no Plugin-Class naming an implementation of " + JunctionPlugin.class.getName());
        }
        Class<?> pluginClass;
        try {
            pluginClass = wrapper.getPluginClassLoader().loadClass(className);
        }
        catch (ClassNotFoundException | LinkageError e) {
            throw new PluginRuntimeException(e, "Plugin-Class {} cannot be loaded from the plugin jar ({})", className, e);
        }
        if (!JunctionPlugin.class.isAssignableFrom(pluginClass)) {
            throw new PluginRuntimeException("Plugin-Class {} does not implement {}", className, JunctionPlugin.class.getName());
        }
        try {
            return new LoadedPlugin((JunctionPlugin) pluginClass.getConstructor().newInstance());
        }
        catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new PluginRuntimeException(e, "Plugin-Class {} cannot be instantiated with a public no-argument constructor ({})", className, e);
        }
    }

    /** Holds the plugin's entry object where PF4J expects its own {@code Plugin}. */
    static final class LoadedPlugin
            extends Plugin
    {
        private final JunctionPlugin entry;

        LoadedPlugin(JunctionPlugin entry)
        {
            this.entry = entry;
        }

        JunctionPlugin entry()
        {
            return entry;
        }
    }
}
