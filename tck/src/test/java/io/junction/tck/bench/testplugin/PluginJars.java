package io.junction.tck.bench.testplugin;

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

/** Packages this package's test classes into a PF4J plugin jar, as a plugin author's build would. */
public final class PluginJars
{
    private PluginJars() {}

    public static Path writeForwardingPlugin(Path directory)
            throws IOException
    {
        Path classes;
        try {
            classes = Path.of(PluginJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packagePath = ForwardingPlugin.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", "bench-forwarding");
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Class", ForwardingPlugin.class.getName());
        attributes.putValue("Plugin-Provider", "tests");
        Path jar = directory.resolve("bench-forwarding.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes.resolve(packagePath))) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().startsWith("ForwardingPlugin")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
