package io.junction.tck.bench.gateway;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;

/** A gateway (or baseline proxy) the benchmark sends load to. */
public interface RunningGateway
        extends AutoCloseable
{
    /** {@code http://host:port}, without a path. */
    URI baseUri();

    /** Its chat completions URL. */
    default URI chatCompletions()
    {
        return URI.create(baseUri() + "/v1/chat/completions");
    }

    /** The operating system process, when the benchmark can observe it (for CPU and memory). */
    OptionalLong pid();

    /** Stops it, if the benchmark started it. */
    @Override
    void close();

    /** The gateway at {@code base}, its process when the benchmark can observe it, and what stops it. */
    static RunningGateway of(URI base, OptionalLong pid, Runnable stop)
    {
        Objects.requireNonNull(base, "base is null");
        Objects.requireNonNull(pid, "pid is null");
        Objects.requireNonNull(stop, "stop is null");
        return new RunningGateway()
        {
            @Override
            public URI baseUri()
            {
                return base;
            }

            @Override
            public OptionalLong pid()
            {
                return pid;
            }

            @Override
            public void close()
            {
                stop.run();
            }
        };
    }
}
