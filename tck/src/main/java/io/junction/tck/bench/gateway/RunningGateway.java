package io.junction.tck.bench.gateway;

import java.net.URI;
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
}
