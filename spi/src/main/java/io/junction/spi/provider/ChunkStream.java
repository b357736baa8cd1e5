package io.junction.spi.provider;

/**
 * The chunks of a streamed response, pulled one at a time by the kernel on the request's own (virtual) thread,
 * which writes each to the client as soon as it is returned. Blocking in {@link #next()} is expected; the upstream
 * client's idle timeout bounds it.
 */
public interface ChunkStream
        extends AutoCloseable
{
    /**
     * The next chunk as the JSON of one OpenAI SSE {@code data:} line (without the {@code data: } prefix and
     * without the terminating {@code [DONE]}), or null when the stream has ended normally.
     *
     * @throws ProviderException when the upstream fails, stalls or cuts the stream: the kernel ends the client's
     *         stream with an in-band error event, never with a clean-looking end
     */
    byte[] next();

    /** The token counts of the whole stream, once {@link #next()} has returned null; {@link Usage#UNKNOWN} before. */
    Usage usage();

    /** Releases the upstream connection; called once, whether or not the stream was read to its end. */
    @Override
    void close();
}
