package io.junction.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway process listens, from the command line.
 *
 * @param port 0 picks a free port (tests)
 * @param shutdownGrace how long in-flight requests and streams may take to finish once shutdown starts
 * @param streamKeepAlive how long a stream may wait for its first token before SSE keep-alive comments start (and
 *        between two of them); zero sends none
 */
public record ServerSettings(String host, int port, Path pluginsDirectory, Duration shutdownGrace, Duration streamKeepAlive)
{
    public ServerSettings
    {
        Objects.requireNonNull(host, "host is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
        }
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory is null");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace is null");
        Objects.requireNonNull(streamKeepAlive, "streamKeepAlive is null");
        if (streamKeepAlive.isNegative()) {
            throw new IllegalArgumentException("streamKeepAlive must not be negative");
        }
    }

    public static final Duration DEFAULT_STREAM_KEEP_ALIVE = Duration.ofSeconds(10);

    public ServerSettings(String host, int port, Path pluginsDirectory, Duration shutdownGrace)
    {
        this(host, port, pluginsDirectory, shutdownGrace, DEFAULT_STREAM_KEEP_ALIVE);
    }
}
