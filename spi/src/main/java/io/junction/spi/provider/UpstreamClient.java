package io.junction.spi.provider;

/**
 * The kernel's HTTP client, handed to adapters: pooled keep-alive connections per upstream, the timeouts of each
 * request enforced, and the time spent waiting on the upstream measured (it is subtracted from the gateway's
 * reported overhead). Transport failures surface as {@link ProviderException}s of kind {@code TIMEOUT} or
 * {@code UNAVAILABLE}; HTTP error statuses do not throw, the adapter maps them.
 */
public interface UpstreamClient
{
    /** Sends the request and reads the whole response body. */
    UpstreamResponse send(UpstreamRequest request);

    /** Sends the request and returns once the response headers have arrived; the body is read as it streams. */
    UpstreamStream open(UpstreamRequest request);
}
