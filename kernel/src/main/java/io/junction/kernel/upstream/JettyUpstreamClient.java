package io.junction.kernel.upstream;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.UpstreamTimeouts;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kernel's {@link UpstreamClient} on Jetty's HttpClient: pooled keep-alive connections per upstream, each
 * request's timeouts enforced, and every wait on the upstream added to the request's {@link UpstreamTime}.
 * Error messages name the upstream host but never the full URL (some providers put keys in query strings).
 */
public final class JettyUpstreamClient
        implements UpstreamClient, AutoCloseable
{
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private final UpstreamTimeouts defaults;
    private final SslContextFactory.Client tls;
    private final QueuedThreadPool threads;
    // Jetty sets the connect timeout per client, not per request: one client per distinct connect timeout
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    public JettyUpstreamClient(UpstreamTimeouts defaults)
    {
        this(defaults, new SslContextFactory.Client());
    }

    /**
     * @param tls how upstream certificates are checked (the JVM's trust store by default)
     */
    public JettyUpstreamClient(UpstreamTimeouts defaults, SslContextFactory.Client tls)
    {
        this.defaults = defaults;
        this.tls = tls;
        threads = new QueuedThreadPool();
        threads.setName("junction-upstream");
        threads.setDaemon(true);
        client(defaults.connect());
    }

    private HttpClient client(Duration connectTimeout)
    {
        HttpClient existing = clientsByConnectTimeout.get(connectTimeout);
        return existing != null ? existing : clientsByConnectTimeout.computeIfAbsent(connectTimeout, this::newClient);
    }

    private HttpClient newClient(Duration connectTimeout)
    {
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        connector.setSslContextFactory(tls);
        // HTTP/1.1 first: a plain-text upstream gets HTTP/1.1; over TLS, ALPN lets a provider that offers h2 choose it
        HttpClientTransportDynamic transport = new HttpClientTransportDynamic(connector, HttpClientConnectionFactory.HTTP11,
                new ClientConnectionFactoryOverHTTP2.HTTP2(new HTTP2Client(connector)));
        HttpClient client = new HttpClient(transport);
        client.setExecutor(threads);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(defaults.idle().toMillis());
        // many concurrent streams to one provider are normal for a gateway; the pool must not be the bottleneck
        client.setMaxConnectionsPerDestination(4096);
        client.setMaxRequestsQueuedPerDestination(16384);
        client.setFollowRedirects(false);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "junction"));
        try {
            client.start();
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot start the upstream HTTP client", e);
        }
        return client;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest upstreamRequest)
    {
        Request request = newRequest(upstreamRequest);
        long start = System.nanoTime();
        try {
            ContentResponse response = new CompletableResponseListener(request, MAX_RESPONSE_BYTES).send().get();
            return new UpstreamResponse(response.getStatus(), headers(response.getHeaders()), response.getContent());
        }
        catch (ExecutionException e) {
            throw failure(upstreamRequest, e.getCause());
        }
        catch (InterruptedException e) {
            throw interrupted(request, upstreamRequest, e);
        }
        finally {
            UpstreamTime.add(System.nanoTime() - start);
        }
    }

    @Override
    public UpstreamStream open(UpstreamRequest upstreamRequest)
    {
        Request request = newRequest(upstreamRequest);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        long start = System.nanoTime();
        try {
            request.send(listener);
            Response response = listener.get(upstreamRequest.timeouts().firstByte().toMillis(), TimeUnit.MILLISECONDS);
            return new JettyUpstreamStream(upstreamRequest, request, response, listener.getInputStream());
        }
        catch (TimeoutException e) {
            request.abort(e);
            throw new ProviderException(ErrorKind.TIMEOUT, "No response from " + host(upstreamRequest.uri()) + " within "
                    + upstreamRequest.timeouts().firstByte().toMillis() + " ms.", e);
        }
        catch (ExecutionException e) {
            throw failure(upstreamRequest, e.getCause());
        }
        catch (InterruptedException e) {
            throw interrupted(request, upstreamRequest, e);
        }
        finally {
            UpstreamTime.add(System.nanoTime() - start);
        }
    }

    private Request newRequest(UpstreamRequest upstreamRequest)
    {
        UpstreamTimeouts timeouts = upstreamRequest.timeouts();
        Request request = client(timeouts.connect()).newRequest(upstreamRequest.uri())
                .method(upstreamRequest.method())
                .timeout(timeouts.total().toMillis(), TimeUnit.MILLISECONDS)
                .idleTimeout(timeouts.idle().toMillis(), TimeUnit.MILLISECONDS);
        String contentType = "application/json";
        for (Map.Entry<String, List<String>> header : upstreamRequest.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("content-type") && !header.getValue().isEmpty()) {
                contentType = header.getValue().getFirst();
                continue;
            }
            request.headers(fields -> header.getValue().forEach(value -> fields.add(header.getKey(), value)));
        }
        if (upstreamRequest.body() != null) {
            request.body(new BytesRequestContent(contentType, upstreamRequest.body()));
        }
        return request;
    }

    private static ProviderException interrupted(Request request, UpstreamRequest upstreamRequest, InterruptedException e)
    {
        Thread.currentThread().interrupt();
        request.abort(e);
        return new ProviderException(ErrorKind.TIMEOUT, "The call to " + host(upstreamRequest.uri()) + " was interrupted.", e);
    }

    private static ProviderException failure(UpstreamRequest request, Throwable cause)
    {
        String host = host(request.uri());
        if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
            return new ProviderException(ErrorKind.TIMEOUT, "The call to " + host + " timed out (total "
                    + request.timeouts().total().toMillis() + " ms, idle " + request.timeouts().idle().toMillis() + " ms).", cause);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return new ProviderException(ErrorKind.UNAVAILABLE, "Cannot connect to " + host + " (" + cause.getClass().getSimpleName() + ").", cause);
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("Buffering capacity")) {
            return new ProviderException(ErrorKind.UPSTREAM_SERVER, "The response of " + host + " exceeds " + MAX_RESPONSE_BYTES + " bytes.", cause);
        }
        return new ProviderException(ErrorKind.UNAVAILABLE, "The call to " + host + " failed (" + cause.getClass().getSimpleName() + ").", cause);
    }

    static String host(URI uri)
    {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static Map<String, String> headers(HttpFields fields)
    {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : fields) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        return headers;
    }

    @Override
    public void close()
            throws Exception
    {
        for (HttpClient client : clientsByConnectTimeout.values()) {
            client.stop();
        }
    }

    private static final class JettyUpstreamStream
            implements UpstreamStream
    {
        private final UpstreamRequest upstreamRequest;
        private final Request request;
        private final Response response;
        private final InputStream body;
        private final Map<String, String> headers;

        JettyUpstreamStream(UpstreamRequest upstreamRequest, Request request, Response response, InputStream body)
        {
            this.upstreamRequest = upstreamRequest;
            this.request = request;
            this.response = response;
            this.headers = JettyUpstreamClient.headers(response.getHeaders());
            this.body = new TimedInputStream(body);
        }

        @Override
        public int status()
        {
            return response.getStatus();
        }

        @Override
        public Map<String, String> headers()
        {
            return headers;
        }

        @Override
        public InputStream body()
        {
            return body;
        }

        @Override
        public void close()
        {
            // aborting a finished exchange is a no-op; an unfinished one must not go back to the pool half-read
            request.abort(new IOException("stream closed by the gateway"));
            try {
                body.close();
            }
            catch (IOException ignored) {
                // nothing left to release
            }
        }

        /** Counts blocking reads as upstream time and reports failures as provider errors. */
        private final class TimedInputStream
                extends InputStream
        {
            private final InputStream delegate;

            TimedInputStream(InputStream delegate)
            {
                this.delegate = delegate;
            }

            @Override
            public int read()
                    throws IOException
            {
                byte[] one = new byte[1];
                int read = read(one, 0, 1);
                return read < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length)
            {
                long start = System.nanoTime();
                try {
                    return delegate.read(buffer, offset, length);
                }
                catch (IOException e) {
                    throw failure(upstreamRequest, e.getCause() != null ? e.getCause() : e);
                }
                finally {
                    UpstreamTime.add(System.nanoTime() - start);
                }
            }

            @Override
            public int available()
                    throws IOException
            {
                return delegate.available();
            }

            @Override
            public void close()
                    throws IOException
            {
                delegate.close();
            }
        }
    }

    @Override
    public String toString()
    {
        return "JettyUpstreamClient[" + clientsByConnectTimeout.values().stream().mapToInt(client -> client.getDestinations().size()).sum() + " destinations]";
    }
}
