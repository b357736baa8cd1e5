package io.junction.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway process listens, from the command line.
 *
 * @param port 0 picks a free port (tests)
 * @param shutdownGrace how long in-flight requests and streams may take to finish once shutdown starts
 */
public record ServerSettings(String host, int port, Path pluginsDirectory, Duration shutdownGrace)
{
    public ServerSettings
    {
        Objects.requireNonNull(host, "host is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
        }
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory is null");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace is null");
    }
}
