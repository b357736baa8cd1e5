package io.junction.tck.kit;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a PF4J plugin jar in a test, as a plugin author's build would make it but without Maven: sources compiled
 * with the JDK's compiler against a given class path (the SPI jar alone, for a third-party plugin), classes packed
 * with the manifest entries the gateway's plugin host reads ({@code Plugin-Id}, {@code Plugin-Version} 1.0.0,
 * {@code Plugin-Class}). For tests that load a plugin the way the gateway does: the validator, or a gateway started
 * on a plugins folder.
 *
 * <pre>{@code
 * Path classes = PluginJarBuilder.compile(sources, List.of(PluginJarBuilder.locationOf(JunctionPlugin.class)), work.resolve("classes"));
 * Path jar = PluginJarBuilder.plugin("acme-echo", "com.acme.EchoPlugin").classes(classes).writeTo(plugins.resolve("acme-echo-1.0.0.jar"));
 * }</pre>
 *
 * Uses nothing but the JDK, so it runs on any class path, the SPI's included or not.
 */
public final class PluginJarBuilder
{
    private static final String VERSION = "1.0.0";

    private final String pluginId;
    private final String pluginClass;
    private Path classes;
    private Predicate<String> include;

    private PluginJarBuilder(String pluginId, String pluginClass)
    {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId is null");
        this.pluginClass = Objects.requireNonNull(pluginClass, "pluginClass is null");
    }

    /** A plugin jar naming {@code pluginClass} as its entry point; without {@link #classes} it holds the manifest alone. */
    public static PluginJarBuilder plugin(String pluginId, String pluginClass)
    {
        return new PluginJarBuilder(pluginId, pluginClass);
    }

    /** Packs every file under {@code root} (a classes folder), at its path relative to it. */
    public PluginJarBuilder classes(Path root)
    {
        return classes(root, entry -> true);
    }

    /**
     * Packs the files under {@code root} whose entry name ({@code com/acme/EchoPlugin.class}, relative to the root,
     * with '/') {@code include} accepts: a plugin made of some of a test's own classes.
     */
    public PluginJarBuilder classes(Path root, Predicate<String> include)
    {
        this.classes = Objects.requireNonNull(root, "root is null");
        this.include = Objects.requireNonNull(include, "include is null");
        return this;
    }

    /** Writes the jar, creating its folder if need be. */
    public Path writeTo(Path jar)
            throws IOException
    {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", VERSION);
        attributes.putValue("Plugin-Class", pluginClass);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path file : classFiles()) {
                String entry = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (include.test(entry)) {
                    jarOut.putNextEntry(new JarEntry(entry));
                    Files.copy(file, jarOut);
                    jarOut.closeEntry();
                }
            }
        }
        return jar;
    }

    private List<Path> classFiles()
            throws IOException
    {
        if (classes == null) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes} for Java 21, against
     * {@code classpath} only.
     *
     * @return {@code classes}
     * @throws IllegalArgumentException when there are no sources or they do not compile (with the compiler's messages)
     * @throws IllegalStateException when this runs on a JRE, which has no compiler
     */
    public static Path compile(Path sources, List<Path> classpath, Path classes)
            throws IOException
    {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no sources under " + sources);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("compiling a plugin needs a JDK, not a JRE");
        }
        Files.createDirectories(classes);
        String path = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-classpath", path, "-d", classes.toString());
            boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new IllegalArgumentException("the sources under " + sources + " do not compile against " + path + ": " + diagnostics.getDiagnostics());
            }
        }
        return classes;
    }

    /** Writes one class's source under {@code root}, at its package's path, ready for {@link #compile}. */
    public static Path writeSource(Path root, String className, String code)
            throws IOException
    {
        Path file = root.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, code);
    }

    /**
     * The jar or classes folder {@code type} was loaded from: {@code locationOf(JunctionPlugin.class)} is the SPI a
     * plugin compiles against, {@code locationOf(getClass())} a test's own classes.
     */
    public static Path locationOf(Class<?> type)
    {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
