package io.junction.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packages test classes into a PF4J plugin jar, as a plugin author's build would. */
public final class TestPluginJars
{
    private TestPluginJars() {}

    public static Path write(Path directory, String pluginId, String pluginClass, String packagePath)
            throws IOException
    {
        return write(directory, pluginId, pluginClass, packagePath, "*");
    }

    /** @param requires the {@code Plugin-Requires} constraint on the gateway's version */
    public static Path write(Path directory, String pluginId, String pluginClass, String packagePath, String requires)
            throws IOException
    {
        Path classes;
        try {
            classes = Path.of(TestPluginJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Class", pluginClass);
        attributes.putValue("Plugin-Provider", "tests");
        attributes.putValue("Plugin-Requires", requires);
        Path jar = directory.resolve(pluginId + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes.resolve(packagePath))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar with a manifest naming a plugin class that is not inside it. */
    public static Path writeBroken(Path directory, String pluginId)
            throws IOException
    {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", pluginId);
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Plugin-Class", "com.example.Missing");
        Path jar = directory.resolve(pluginId + ".jar");
        try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // no classes at all
        }
        return jar;
    }

    /** A jar that is not a plugin at all: no manifest. */
    public static Path writeWithoutManifest(Path directory, String name)
            throws IOException
    {
        Path jar = directory.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.closeEntry();
        }
        return jar;
    }
}
