package io.junction.tck.bench.gateway;

import io.junction.kernel.Gateway;
import io.junction.kernel.ServerSettings;
import io.junction.kernel.config.ConfigLoader;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Starts the kernel's {@link Gateway} inside the benchmark's own JVM, for development and tests: no installation
 * needed, but the gateway shares the process (and its CPU) with the load generator and the fake upstream, so CPU and
 * memory figures are not measured.
 */
public final class InProcessLauncher
        implements GatewayLauncher
{
    private final Path plugins;

    public InProcessLauncher(Path plugins)
    {
        this.plugins = Objects.requireNonNull(plugins, "plugins is null");
    }

    @Override
    public RunningGateway start(String name, String configYaml, int instance)
    {
        Gateway gateway = Gateway.start(ConfigLoader.parse(configYaml, "benchmark config " + name, System.getenv()),
                new ServerSettings("127.0.0.1", 0, plugins, Duration.ofSeconds(2)));
        URI base = URI.create("http://127.0.0.1:" + gateway.port());
        return RunningGateway.of(base, OptionalLong.empty(), gateway::close);
    }

    @Override
    public boolean appliesConfig()
    {
        return true;
    }

    @Override
    public String describe()
    {
        return "in-process kernel Gateway with plugins " + plugins + " (shares this JVM: no CPU or memory figures)";
    }
}
