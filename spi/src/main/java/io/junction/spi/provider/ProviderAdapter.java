package io.junction.spi.provider;

/**
 * Serves one deployment: translates the client's OpenAI-format request into the provider's HTTP exchange, sends it
 * through the kernel's {@link UpstreamClient}, and translates the answer (or stream) back into OpenAI's format.
 * <p>
 * Called concurrently from many request threads: implementations are thread-safe and keep no per-request state
 * outside the objects they return.
 */
public interface ProviderAdapter
        extends AutoCloseable
{
    /**
     * Serves the request.
     *
     * @return a {@link ProviderResponse.Streaming} when {@code request.stream()} is true, a
     *         {@link ProviderResponse.Complete} otherwise
     * @throws ProviderException for every failure the client should see as an error (mapped upstream errors,
     *         timeouts, unsupported endpoints or parameters)
     */
    ProviderResponse send(ProviderRequest request);

    @Override
    default void close() {}
}
