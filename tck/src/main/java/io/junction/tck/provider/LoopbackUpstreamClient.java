package io.junction.tck.provider;

import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provider kit's upstream client: sends to the loopback interface only. An adapter that ignores the
 * {@code api_base} the kit gave it would otherwise call the real provider with the kit's made-up key; here it fails
 * at once with a message saying which host it tried and how to fix the test.
 */
public final class LoopbackUpstreamClient
        implements UpstreamClient, AutoCloseable
{
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final UpstreamClient delegate;
    private final AtomicInteger attempts = new AtomicInteger();

    public LoopbackUpstreamClient(UpstreamClient delegate)
    {
        this.delegate = delegate;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request)
    {
        return delegate.send(checked(request));
    }

    @Override
    public UpstreamStream open(UpstreamRequest request)
    {
        return delegate.open(checked(request));
    }

    /** How many exchanges the adapter started, wherever it tried to send them. */
    public int attempts()
    {
        return attempts.get();
    }

    @Override
    public void close()
    {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ignored) {
                // releasing test connections is best effort
            }
        }
    }

    private UpstreamRequest checked(UpstreamRequest request)
    {
        attempts.incrementAndGet();
        URI uri = request.uri();
        if (uri.getHost() == null || !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("the provider kit refused to send a request to " + uri.getScheme() + "://" + uri.getHost()
                    + ": the adapter must call the api_base it is given (the kit's fake upstream). "
                    + "Fix deploymentParams() in the test (or pass -P key=value to the validator) so that every URL the adapter builds uses it");
        }
        return request;
    }
}
