package io.junction.distribution;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin jars built as a third party's build would make them, without Maven: every source compiled with the JDK's
 * compiler against the distribution's SPI jar alone, and packed with the manifest entries PF4J reads.
 */
final class PluginJars
{
    private PluginJars() {}

    /** The SPI jar the distribution ships in {@code lib/}: all a plugin may compile against. */
    static Path shippedSpiJar()
    {
        return Distribution.single(Distribution.home().resolve("lib"), "junction-spi-*.jar");
    }

    /** Compiles every {@code .java} file under {@code sources} into {@code classes}, against the shipped SPI only. */
    static Path compile(Path sources, Path classes)
            throws IOException
    {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no sources under " + sources);
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertTrue(compiler != null, "the tests must run on a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-classpath", shippedSpiJar().toString(), "-d", classes.toString());
            boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(compiled, "the sources under " + sources + " do not compile against the shipped SPI: " + diagnostics.getDiagnostics());
        }
        return classes;
    }

    /** Writes one class's source under {@code root}, at its package's path. */
    static Path source(Path root, String className, String code)
            throws IOException
    {
        Path file = root.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, code);
    }

    /** A PF4J jar plugin, version 1.0.0: the classes under {@code classes} and the manifest the plugin host reads. */
    static Path write(Path jar, String pluginId, String pluginClass, Path classes)
            throws IOException
    {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Class", pluginClass);
        attributes.putValue("Plugin-Provider", "Example Corp");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
