package io.junction.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The distribution under test: the tarball Maven just packaged, unpacked once per test run, exactly as a user
 * would unpack it (with {@code tar}, so file modes are what the tarball says).
 */
final class Distribution
{
    private static final AtomicInteger DIRECTORY_COUNTER = new AtomicInteger();
    private static Path home;

    private Distribution() {}

    /** The unpacked distribution's top folder ({@code junction-VERSION/}). */
    static synchronized Path home()
    {
        if (home == null) {
            home = unpack(tarball(), workDirectory().resolve("unpacked"));
        }
        return home;
    }

    /** The SPI jar the distribution ships in {@code lib/}: all a third-party plugin may compile against. */
    static Path shippedSpiJar()
    {
        return single(home().resolve("lib"), "junction-spi-*.jar");
    }

    /** A new, empty folder under the end-to-end work directory, for one test's config, logs and plugins. */
    static Path newWorkDirectory(String name)
    {
        Path directory = workDirectory().resolve(name + "-" + DIRECTORY_COUNTER.incrementAndGet());
        deleteRecursively(directory);
        try {
            return Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single file in {@code folder} whose name matches {@code glob}, e.g. {@code junction-spi-*.jar}. */
    static Path single(Path folder, String glob)
    {
        try (var matches = Files.newDirectoryStream(folder, glob)) {
            List<Path> found = new ArrayList<>();
            matches.forEach(found::add);
            if (found.size() != 1) {
                throw new AssertionError("expected exactly one " + glob + " in " + folder + " but found " + found);
            }
            return found.getFirst();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path workDirectory()
    {
        return Path.of(System.getProperty("junction.e2e.directory", "target/e2e")).toAbsolutePath();
    }

    private static Path tarball()
    {
        String configured = System.getProperty("junction.distribution.tarball");
        Path tarball = configured != null ? Path.of(configured) : single(Path.of("target"), "junction-*.tar.gz");
        if (!Files.isRegularFile(tarball)) {
            throw new AssertionError("no distribution tarball at " + tarball + ": run `./mvnw -pl distribution verify` (it packages before the end-to-end tests)");
        }
        return tarball.toAbsolutePath();
    }

    private static Path unpack(Path tarball, Path into)
    {
        deleteRecursively(into);
        try {
            Files.createDirectories(into);
            Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new AssertionError("could not unpack " + tarball + ": " + output);
            }
            String expectedTop = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
            try (Stream<Path> top = Files.list(into)) {
                List<String> names = top.map(path -> path.getFileName().toString()).toList();
                if (!names.equals(List.of(expectedTop))) {
                    throw new AssertionError("the tarball must hold one top folder " + expectedTop + " but holds " + names);
                }
            }
            return into.resolve(expectedTop);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while unpacking " + tarball, e);
        }
    }

    private static void deleteRecursively(Path path)
    {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
