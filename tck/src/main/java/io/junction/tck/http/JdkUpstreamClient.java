package io.junction.tck.http;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.UpstreamTimeouts;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link UpstreamClient} on the JDK's {@link HttpClient}, for tests of provider adapters (against WireMock) and
 * for the TCK's provider kit. It honours every {@link UpstreamTimeouts} field: {@code connect} when connecting,
 * {@code firstByte} until the response headers, {@code total} for the whole exchange, and for streamed bodies
 * {@code idle} between two reads. A connection that cannot be made surfaces as {@code UNAVAILABLE}, every timeout
 * (connecting included) as {@code TIMEOUT}; HTTP error statuses are returned, not thrown.
 * <p>
 * Messages name the upstream's host and port only: a URI's query may carry a key.
 */
public final class JdkUpstreamClient
        implements UpstreamClient, AutoCloseable
{
    // the JDK client sets these itself and refuses them from callers
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    // HttpClient takes its connect timeout per client, not per request
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    @Override
    public UpstreamResponse send(UpstreamRequest request)
    {
        UpstreamTimeouts timeouts = request.timeouts();
        CompletableFuture<HttpResponse<byte[]>> exchange = client(timeouts)
                .sendAsync(toHttpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = await(exchange, request.uri(), timeouts.total(), "a complete response");
        return new UpstreamResponse(response.statusCode(), lowerCaseHeaders(response.headers()), response.body());
    }

    @Override
    public UpstreamStream open(UpstreamRequest request)
    {
        UpstreamTimeouts timeouts = request.timeouts();
        long deadline = System.nanoTime() + timeouts.total().toNanos();
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> exchange = client(timeouts)
                .sendAsync(toHttpRequest(request), HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = await(exchange, request.uri(), timeouts.total(), "response headers");
        TimedBody body = new TimedBody(hostAndPort(request.uri()), timeouts.idle(), deadline);
        response.body().subscribe(body);
        return new JdkUpstreamStream(response.statusCode(), lowerCaseHeaders(response.headers()), body);
    }

    /** Aborts exchanges still running and releases the clients' threads and connections. */
    @Override
    public void close()
    {
        clientsByConnectTimeout.values().forEach(HttpClient::shutdownNow);
        clientsByConnectTimeout.clear();
    }

    private HttpClient client(UpstreamTimeouts timeouts)
    {
        return clientsByConnectTimeout.computeIfAbsent(timeouts.connect(), connect -> HttpClient.newBuilder()
                .connectTimeout(connect)
                // HTTP/1.1 as the kernel speaks to upstreams; no h2c upgrade dance with test servers
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    private static HttpRequest toHttpRequest(UpstreamRequest request)
    {
        UpstreamTimeouts timeouts = request.timeouts();
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                // the JDK's request timeout runs until the response headers: our first-byte timeout
                .timeout(min(timeouts.firstByte(), timeouts.total()))
                .method(request.method(), body);
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static <T> T await(CompletableFuture<T> exchange, URI uri, Duration total, String awaited)
    {
        try {
            return exchange.get(total.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ProviderException(ErrorKind.TIMEOUT,
                    "no " + awaited + " from " + hostAndPort(uri) + " within the total timeout of " + describe(total), e);
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorKind.UNAVAILABLE, "interrupted while waiting for " + hostAndPort(uri), e);
        }
        catch (ExecutionException e) {
            throw transportFailure(e.getCause(), hostAndPort(uri));
        }
    }

    private static ProviderException transportFailure(Throwable failure, String upstream)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException providerException) {
                return providerException;
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return new ProviderException(ErrorKind.TIMEOUT, "connecting to " + upstream + " timed out", failure);
            }
            if (cause instanceof HttpTimeoutException) {
                return new ProviderException(ErrorKind.TIMEOUT, upstream + " sent no response headers within the first-byte timeout", failure);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new ProviderException(ErrorKind.UNAVAILABLE, "cannot connect to " + upstream, failure);
            }
        }
        return new ProviderException(ErrorKind.UNAVAILABLE,
                "the exchange with " + upstream + " failed (" + failure.getClass().getSimpleName() + ")", failure);
    }

    private static Map<String, String> lowerCaseHeaders(HttpHeaders headers)
    {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return lowerCase;
    }

    private static String hostAndPort(URI uri)
    {
        return uri.getPort() < 0 ? String.valueOf(uri.getHost()) : uri.getHost() + ":" + uri.getPort();
    }

    private static Duration min(Duration a, Duration b)
    {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(Duration duration)
    {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private record JdkUpstreamStream(int status, Map<String, String> headers, TimedBody body)
            implements UpstreamStream
    {
        @Override
        public void close()
        {
            body.close();
        }
    }

    /**
     * A streamed body that fails a read with {@code TIMEOUT} when no bytes arrive within the idle timeout or the
     * exchange's total deadline passes. It subscribes to the JDK's body publisher and asks for one list of buffers
     * at a time, so at most one list is held in memory.
     */
    private static final class TimedBody
            extends InputStream
            implements Flow.Subscriber<List<ByteBuffer>>
    {
        private static final Object END = new Object();

        private final String upstream;
        private final Duration idle;
        private final long deadlineNanos;
        // filled by the client's threads, drained by the reader
        private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean closed;

        // reader state: touched only by the thread reading the body
        private Iterator<ByteBuffer> buffers = Collections.emptyIterator();
        private ByteBuffer current;
        private boolean awaitingArrival = true;
        private boolean ended;

        TimedBody(String upstream, Duration idle, long deadlineNanos)
        {
            this.upstream = upstream;
            this.idle = idle;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription)
        {
            subscription = newSubscription;
            if (closed) {
                newSubscription.cancel();
            }
            else {
                newSubscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> item)
        {
            arrivals.add(item);
        }

        @Override
        public void onError(Throwable failure)
        {
            arrivals.add(new Failure(failure));
        }

        @Override
        public void onComplete()
        {
            arrivals.add(END);
        }

        @Override
        public int read()
                throws IOException
        {
            ByteBuffer buffer = currentBuffer();
            return buffer == null ? -1 : buffer.get() & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length)
                throws IOException
        {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) {
                return 0;
            }
            ByteBuffer buffer = currentBuffer();
            if (buffer == null) {
                return -1;
            }
            int count = Math.min(length, buffer.remaining());
            buffer.get(bytes, offset, count);
            return count;
        }

        @Override
        public int available()
        {
            return current == null ? 0 : current.remaining();
        }

        @Override
        public void close()
        {
            closed = true;
            Flow.Subscription active = subscription;
            if (active != null && !ended) {
                active.cancel();
            }
        }

        /** The buffer with bytes left to read, waiting for the next one if need be; null at the end of the body. */
        private ByteBuffer currentBuffer()
                throws IOException
        {
            while (current == null || !current.hasRemaining()) {
                if (buffers.hasNext()) {
                    current = buffers.next();
                    continue;
                }
                if (ended) {
                    return null;
                }
                if (closed) {
                    throw new IOException("the body of the response from " + upstream + " was closed");
                }
                if (!awaitingArrival) {
                    subscription.request(1);
                    awaitingArrival = true;
                }
                Object arrival = awaitArrival();
                awaitingArrival = false;
                if (arrival == END) {
                    ended = true;
                    return null;
                }
                if (arrival instanceof Failure failure) {
                    ended = true;
                    throw transportFailure(failure.cause(), upstream);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> list = (List<ByteBuffer>) arrival;
                buffers = list.iterator();
            }
            return current;
        }

        private Object awaitArrival()
        {
            long untilDeadline = deadlineNanos - System.nanoTime();
            boolean totalIsNearer = untilDeadline <= idle.toNanos();
            Object arrival = null;
            try {
                if (untilDeadline > 0) {
                    arrival = arrivals.poll(totalIsNearer ? untilDeadline : idle.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
            catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new ProviderException(ErrorKind.UNAVAILABLE, "interrupted while reading the stream from " + upstream, e);
            }
            if (arrival == null) {
                close();
                throw new ProviderException(ErrorKind.TIMEOUT, totalIsNearer
                        ? "the stream from " + upstream + " did not end within the total timeout"
                        : "the stream from " + upstream + " sent nothing for " + describe(idle) + " (idle timeout)");
            }
            return arrival;
        }

        private record Failure(Throwable cause) {}
    }
}
