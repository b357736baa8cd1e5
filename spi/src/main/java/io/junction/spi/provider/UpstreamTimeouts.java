package io.junction.spi.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of one upstream exchange.
 *
 * @param connect establishing the connection
 * @param firstByte from sending the request to the response headers
 * @param idle the longest gap between two reads of a streamed body
 * @param total the whole exchange, body included
 */
public record UpstreamTimeouts(Duration connect, Duration firstByte, Duration idle, Duration total)
{
    public static final UpstreamTimeouts DEFAULT = new UpstreamTimeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(600), Duration.ofSeconds(60), Duration.ofSeconds(600));

    public UpstreamTimeouts
    {
        requirePositive(connect, "connect");
        requirePositive(firstByte, "firstByte");
        requirePositive(idle, "idle");
        requirePositive(total, "total");
    }

    /** The same timeouts with a total (LiteLLM's per-deployment {@code timeout}) that also caps the others. */
    public UpstreamTimeouts withTotal(Duration newTotal)
    {
        requirePositive(newTotal, "total");
        return new UpstreamTimeouts(min(connect, newTotal), min(firstByte, newTotal), min(idle, newTotal), newTotal);
    }

    private static Duration min(Duration a, Duration b)
    {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void requirePositive(Duration duration, String name)
    {
        Objects.requireNonNull(duration, name + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive but was " + duration);
        }
    }
}
