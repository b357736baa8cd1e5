package io.junction.kernel.plugin;

import io.junction.spi.JunctionPlugin;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Loads the plugin jars of one folder with PF4J and registers their extension factories. A jar that cannot be
 * loaded, or a plugin whose entry class fails, is reported (id or file, and cause) and skipped: the gateway starts
 * with the plugins that work.
 */
public final class PluginHost
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final JunctionPluginManager manager;
    private final ExtensionRegistry registry = new ExtensionRegistry();
    private final PluginReport report;

    private PluginHost(Path pluginsDirectory, String systemVersion)
    {
        this.manager = new JunctionPluginManager(pluginsDirectory, systemVersion);
        this.report = loadAndRegister(pluginsDirectory);
    }

    public static PluginHost load(Path pluginsDirectory, String systemVersion)
    {
        return new PluginHost(pluginsDirectory.toAbsolutePath().normalize(), systemVersion);
    }

    public ExtensionRegistry registry()
    {
        return registry;
    }

    public PluginReport report()
    {
        return report;
    }

    private PluginReport loadAndRegister(Path directory)
    {
        List<String> failed = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            log.warn("Plugin folder {} does not exist: no plugins loaded", directory);
            return new PluginReport(List.of(), List.of());
        }
        for (Path jar : jarsIn(directory)) {
            Optional<String> notAPlugin = missingManifestEntries(jar);
            if (notAPlugin.isPresent()) {
                failed.add(jar.getFileName() + ": " + notAPlugin.get());
                continue;
            }
            try {
                manager.loadPlugin(jar);
            }
            catch (RuntimeException e) {
                failed.add(jar.getFileName() + ": " + rootMessage(e));
            }
        }
        manager.startPlugins();

        List<String> started = new ArrayList<>();
        for (PluginWrapper wrapper : manager.getPlugins()) {
            String id = wrapper.getPluginId();
            if (wrapper.getPluginState() != PluginState.STARTED) {
                Throwable cause = wrapper.getFailedException();
                String reason = manager.versionMismatch(wrapper)
                        .orElseGet(() -> cause == null ? "not started (" + wrapper.getPluginState() + ")" : rootMessage(cause));
                failed.add(id + ": " + reason);
                continue;
            }
            if (register(wrapper, failed)) {
                started.add(id + "@" + wrapper.getDescriptor().getVersion());
            }
        }
        failed.forEach(line -> log.error("Plugin failed to load: {}", line));
        log.info("Plugins loaded from {}: {}", directory, started);
        return new PluginReport(started, failed);
    }

    private boolean register(PluginWrapper wrapper, List<String> failed)
    {
        String id = wrapper.getPluginId();
        ClassLoader loader = wrapper.getPluginClassLoader();
        JunctionPlugin entry = ((JunctionPluginManager.LoadedPlugin) wrapper.getPlugin()).entry();
        try {
            // the factory lists are plugin code: a failure here rejects the whole plugin, never the gateway
            withContextClassLoader(loader, () -> {
                entry.providerAdapterFactories().forEach(f -> registry.addProvider(new Registered<>(id, f, loader)));
                entry.routingStrategyFactories().forEach(f -> registry.addStrategy(new Registered<>(id, f, loader)));
                entry.cacheFactories().forEach(f -> registry.addCache(new Registered<>(id, f, loader)));
                entry.callbackFactories().forEach(f -> registry.addCallback(new Registered<>(id, f, loader)));
                return null;
            });
            return true;
        }
        catch (RuntimeException | LinkageError e) {
            failed.add(id + ": its extension factories failed: " + rootMessage(e));
            return false;
        }
    }

    /** Runs plugin code with the plugin's class loader as context loader (libraries such as Jackson look there). */
    public static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> action)
    {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** PF4J's own report of a jar without a plugin manifest is a NullPointerException: say what is missing instead. */
    private static Optional<String> missingManifestEntries(Path jar)
    {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.of("not a plugin: the jar has no META-INF/MANIFEST.MF (it needs Plugin-Id, Plugin-Version and Plugin-Class)");
            }
            List<String> missing = new ArrayList<>();
            for (String entry : List.of("Plugin-Id", "Plugin-Version", "Plugin-Class")) {
                String value = manifest.getMainAttributes().getValue(entry);
                if (value == null || value.isBlank()) {
                    missing.add(entry);
                }
            }
            return missing.isEmpty() ? Optional.empty() : Optional.of("not a plugin: its manifest lacks " + String.join(", ", missing));
        }
        catch (IOException e) {
            return Optional.of("not a readable jar (" + e.getMessage() + ")");
        }
    }

    private static List<Path> jarsIn(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        catch (IOException e) {
            log.error("Cannot list plugin folder {}", directory, e);
            return List.of();
        }
    }

    private static String rootMessage(Throwable error)
    {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Throwable cause = error.getCause();
        while (cause != null && cause != error) {
            if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
                message = message + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
            }
            error = cause;
            cause = cause.getCause();
        }
        return message;
    }

    @Override
    public void close()
    {
        // one by one over a copy: PF4J 3.15's stopPlugins() modifies the list it iterates
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        for (PluginWrapper plugin : started.reversed()) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            }
            catch (RuntimeException e) {
                log.warn("Plugin '{}' did not stop cleanly", plugin.getPluginId(), e);
            }
        }
    }
}
