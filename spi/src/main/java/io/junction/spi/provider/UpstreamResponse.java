package io.junction.spi.provider;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's whole HTTP response.
 *
 * @param headers header values by lower-case name (the first value of each)
 */
public record UpstreamResponse(int status, Map<String, String> headers, byte[] body)
{
    public UpstreamResponse
    {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body is null");
    }

    public Optional<String> header(String name)
    {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean successful()
    {
        return status >= 200 && status < 300;
    }
}
