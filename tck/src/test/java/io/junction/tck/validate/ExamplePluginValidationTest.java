package io.junction.tck.validate;

import io.junction.spi.JunctionPlugin;
import io.junction.tck.KitResults;
import io.junction.tck.TckMain;
import io.junction.tck.kit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example third-party plugin under {@code tck/examples/custom-routing-strategy}, built as its author would build
 * it (compiled against the SPI jar alone, packed with a PF4J manifest) and validated in-process with the command a user
 * runs; and a broken plugin, which the validator must reject naming the rule it breaks.
 */
class ExamplePluginValidationTest
{
    private static final Path EXAMPLE = Path.of("examples", "custom-routing-strategy");
    private static final String EXAMPLE_PLUGIN_CLASS = "com.example.routing.CheapestHealthyPlugin";
    // a routing strategy that picks a deployment of its own: see its source
    private static final Path STRANGER = Path.of("src", "test", "plugins", "always-the-spare");
    // all a third-party plugin compiles against
    private static final Path SPI = PluginJarBuilder.locationOf(JunctionPlugin.class);

    @TempDir
    Path work;

    @Test
    void theExamplePluginIsValid()
            throws IOException
    {
        Path jar = exampleJar();

        Run run = validate(jar.toString(), "--capability", "RESPECTS_HEADROOM", "--capability", "FAIR",
                "--capability", "prefer-cheapest-healthy:LEARNS_FROM_OUTCOMES");

        assertEquals(ValidationReport.PASSED, run.exitCode(), run.output());
        assertAll(
                () -> assertTrue(run.output().contains("Loaded by the kernel's plugin host: prefer-cheapest-healthy@1.0.0"), run.output()),
                () -> assertTrue(run.output().contains("routing strategy 'prefer-cheapest-healthy' of plugin prefer-cheapest-healthy"), run.output()),
                () -> assertTrue(run.output().contains("PASS     R3    never selects a candidate outside the list"), run.output()),
                () -> assertTrue(run.output().contains("PASS     R11   learns from outcomes"), run.output()),
                () -> assertTrue(run.output().contains("11 passed, 0 failed, 1 not applicable"), run.output()),
                () -> assertTrue(run.output().contains("VALID:"), run.output()));
    }

    @Test
    void theExamplesOwnTestExtendsTheRoutingKitAndPasses()
            throws Exception
    {
        Path classes = PluginJarBuilder.compile(EXAMPLE.resolve("src/main/java"), List.of(SPI), work.resolve("classes"));
        // the example's test compiles against its classes, the SPI and the kit (this test's own class path)
        List<Path> testClasspath = Stream.concat(Stream.of(classes, SPI), Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of))
                .toList();
        Path testClasses = PluginJarBuilder.compile(EXAMPLE.resolve("src/test/java"), testClasspath, work.resolve("test-classes"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()}, getClass().getClassLoader())) {
            KitResults results = KitResults.run(loader.loadClass("com.example.routing.PreferCheapestHealthyContractTest"));

            assertEquals(Map.of(), results.with(TestExecutionResult.Status.FAILED), results::toString);
            assertEquals(Map.of(), results.with(TestExecutionResult.Status.ABORTED), results::toString);
            assertEquals(12, results.byRule().size(), results::toString);
        }
    }

    @Test
    void aStrategyThatPicksAStrangerIsRejectedNamingR3()
            throws IOException
    {
        Path classes = PluginJarBuilder.compile(STRANGER, List.of(SPI), work.resolve("stranger-classes"));
        Path jar = PluginJarBuilder.plugin("always-the-spare", "com.example.broken.StrangerPlugin").classes(classes)
                .writeTo(work.resolve("always-the-spare-1.0.0.jar"));

        Run run = validate(jar.toString());

        assertEquals(ValidationReport.RULE_FAILED, run.exitCode(), run.output());
        assertAll(
                () -> assertTrue(run.output().contains("FAIL     R3    never selects a candidate outside the list"), run.output()),
                () -> assertTrue(run.output().contains("chose deployment 'spare', which is not among the candidates"), run.output()),
                () -> assertTrue(run.output().contains("INVALID:"), run.output()));
    }

    @Test
    void aJarThatIsNotAPluginIsReportedWithTheHostsReason()
            throws IOException
    {
        Path jar = PluginJarBuilder.plugin("missing-class", "com.example.DoesNotExist").writeTo(work.resolve("missing-class-1.0.0.jar"));

        Run run = validate(jar.toString());

        assertEquals(ValidationReport.NOT_LOADED, run.exitCode(), run.output());
        assertTrue(run.output().contains("NOT LOADED") && run.output().contains("com.example.DoesNotExist"), run.output());
    }

    @Test
    void aFolderOfPluginsIsValidatedLikeTheGatewaysPluginsFolder()
            throws IOException
    {
        Path folder = Files.createDirectories(work.resolve("plugins"));
        Files.copy(exampleJar(), folder.resolve("prefer-cheapest-healthy-1.0.0.jar"));

        Run run = validate(folder.toString(), "--capability", "FAIR");

        assertEquals(ValidationReport.PASSED, run.exitCode(), run.output());
        assertTrue(run.output().contains("PASS     R10   does not starve equal candidates"), run.output());
        assertTrue(run.output().contains("N/A      R8    respects rpm headroom"), run.output());
    }

    @Test
    void anUnknownCapabilityIsAUsageError()
    {
        Run run = validate("whatever.jar", "--capability", "TELEPATHY");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("unknown capability 'TELEPATHY'"), run.output());
    }

    private Path exampleJar()
            throws IOException
    {
        Path classes = PluginJarBuilder.compile(EXAMPLE.resolve("src/main/java"), List.of(SPI), work.resolve("example-classes"));
        return PluginJarBuilder.plugin("prefer-cheapest-healthy", EXAMPLE_PLUGIN_CLASS).classes(classes)
                .writeTo(work.resolve("prefer-cheapest-healthy-1.0.0.jar").toAbsolutePath());
    }

    private record Run(int exitCode, String output) {}

    private static Run validate(String... arguments)
    {
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output, true);
        String[] command = new String[arguments.length + 1];
        command[0] = "validate";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        int exitCode = TckMain.commandLine().setOut(writer).setErr(writer).execute(command);
        return new Run(exitCode, output.toString());
    }
}
