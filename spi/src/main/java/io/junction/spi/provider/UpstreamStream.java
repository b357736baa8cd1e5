package io.junction.spi.provider;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's HTTP response whose body is read as it arrives. Reads from {@link #body()} block until bytes come,
 * and fail with a {@link ProviderException} of kind {@code TIMEOUT} when the idle or total timeout passes.
 */
public interface UpstreamStream
        extends AutoCloseable
{
    int status();

    /** Header values by lower-case name (the first value of each). */
    Map<String, String> headers();

    default Optional<String> header(String name)
    {
        return Optional.ofNullable(headers().get(name.toLowerCase(Locale.ROOT)));
    }

    InputStream body();

    /** Aborts the exchange if the body was not read to its end, and releases the connection. */
    @Override
    void close();
}
