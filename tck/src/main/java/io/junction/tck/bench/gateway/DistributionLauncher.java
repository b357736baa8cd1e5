package io.junction.tck.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Starts Junction from an installation ({@code bin/junction --config X --port P --plugins DIR}) as a separate process
 * on 127.0.0.1, so its CPU time and memory can be measured on their own. Each config is written to the run folder,
 * each gateway's output to a log file next to it.
 */
public final class DistributionLauncher
        implements GatewayLauncher
{
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path home;
    private final Path plugins;
    private final Path runDirectory;
    private final String javaOptions;

    /**
     * @param home the installation: holds {@code bin/junction}
     * @param plugins the plugins folder to load, null for the installation's own
     * @param javaOptions {@code JAVA_OPTS} for the gateway, null for the script's defaults
     */
    public DistributionLauncher(Path home, Path plugins, Path runDirectory, String javaOptions)
    {
        this.home = Objects.requireNonNull(home, "home is null");
        if (!Files.isExecutable(home.resolve("bin/junction"))) {
            throw new IllegalArgumentException("no executable bin/junction in " + home + ": point --distribution at an unpacked Junction installation");
        }
        this.plugins = plugins == null ? home.resolve("plugins") : plugins;
        this.runDirectory = Objects.requireNonNull(runDirectory, "runDirectory is null");
        this.javaOptions = javaOptions;
    }

    @Override
    public RunningGateway start(String name, String configYaml, int instance)
            throws IOException, InterruptedException
    {
        Files.createDirectories(runDirectory);
        Path config = runDirectory.resolve("gateway-" + name + ".yaml");
        Path log = runDirectory.resolve("gateway-" + name + ".log");
        Files.writeString(config, configYaml);
        int port = Readiness.freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/junction").toString(),
                "--config", config.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--plugins", plugins.toString(), "--shutdown-grace", "2"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (javaOptions != null) {
            builder.environment().put("JAVA_OPTS", javaOptions);
        }
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        if (!Readiness.awaitOk(URI.create(base + "/health/liveness"), START_LIMIT, process::isAlive)) {
            Readiness.stop(process, STOP_GRACE);
            throw new IOException("Junction did not become live on " + base + " within " + START_LIMIT.toSeconds() + " s (log " + log + "):\n"
                    + Readiness.tail(log, 15));
        }
        // bin/junction execs java, so this is the JVM itself
        return RunningGateway.of(base, OptionalLong.of(process.pid()), () -> Readiness.stop(process, STOP_GRACE));
    }

    @Override
    public boolean appliesConfig()
    {
        return true;
    }

    @Override
    public String describe()
    {
        return "started " + home.resolve("bin/junction") + " with plugins " + plugins + (javaOptions == null ? "" : ", JAVA_OPTS=" + javaOptions);
    }
}
