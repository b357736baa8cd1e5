package io.junction.tck.bench.load;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends POSTs with Jetty's asynchronous client over a bounded number of keep-alive connections per target; requests
 * beyond the limit wait in the client's queue (their latency counts from their intended time all the same). Targets
 * are used in turn, request {@code i} going to target {@code i mod n}.
 */
public final class JettyRequestSender
        implements RequestSender
{
    static final String OVERHEAD_HEADER = "x-junction-overhead-ms";
    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL_BYTES = 32;
    private static final long[] NO_GAPS = new long[0];
    private static final int QUEUE_LIMIT = 1_000_000;

    private final List<URI> targets;
    private final RequestBodies bodies;
    // built once: adding the header then allocates nothing per request
    private final Consumer<HttpFields.Mutable> authorization;
    private final Duration timeout;
    private final boolean streaming;
    private final Ticker ticker;
    private final HttpClient client;

    /**
     * @param apiKey sent as {@code Authorization: Bearer}, or null for none
     * @param streaming whether answers are SSE streams: gaps between reads are recorded and {@code [DONE]} is required
     */
    public JettyRequestSender(List<URI> targets, RequestBodies bodies, String apiKey, int maxConnectionsPerTarget, Duration timeout,
            boolean streaming, Ticker ticker)
    {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("need at least one target URI");
        }
        if (maxConnectionsPerTarget < 1) {
            throw new IllegalArgumentException("max connections must be at least 1 but was " + maxConnectionsPerTarget);
        }
        this.targets = List.copyOf(targets);
        this.bodies = Objects.requireNonNull(bodies, "bodies is null");
        HttpField authorizationField = apiKey == null ? null : new HttpField(HttpHeader.AUTHORIZATION, "Bearer " + apiKey);
        this.authorization = authorizationField == null ? null : headers -> headers.put(authorizationField);
        this.timeout = Objects.requireNonNull(timeout, "timeout is null");
        this.streaming = streaming;
        this.ticker = Objects.requireNonNull(ticker, "ticker is null");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("bench-client");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(maxConnectionsPerTarget);
        client.setMaxRequestsQueuedPerDestination(QUEUE_LIMIT);
        client.setConnectTimeout(5_000);
        client.setIdleTimeout(Math.max(timeout.toMillis() * 2, 60_000));
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        try {
            client.start();
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot start the load generator's HTTP client: " + e.getMessage(), e);
        }
    }

    @Override
    public void send(long index, Consumer<Outcome> done)
    {
        URI target = targets.get((int) Math.floorMod(index, (long) targets.size()));
        Exchange exchange = new Exchange(done);
        Request request = client.newRequest(target)
                .method(HttpMethod.POST)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent("application/json", bodies.get(index)))
                .onResponseHeaders(exchange)
                .onResponseContent(exchange);
        if (authorization != null) {
            request.headers(authorization);
        }
        request.send(exchange);
    }

    @Override
    public void close()
    {
        try {
            client.stop();
        }
        catch (Exception e) {
            // nothing to keep: the phase is over
        }
    }

    /**
     * The state of one request, touched by one client thread at a time (Jetty serialises a response's events), and
     * its listener for each of them: one object per request. Only a stream keeps read gaps and the body's tail.
     */
    private final class Exchange
            implements Response.HeadersListener, Response.ContentListener, Response.CompleteListener
    {
        private final Consumer<Outcome> done;
        private long firstByteNanos = -1;
        private long lastReadNanos;
        private long[] gaps = NO_GAPS;
        private int gapCount;
        private final byte[] tail = streaming ? new byte[TAIL_BYTES] : null;
        private int tailLength;
        private OptionalDouble overheadMs = OptionalDouble.empty();

        Exchange(Consumer<Outcome> done)
        {
            this.done = done;
        }

        @Override
        public void onHeaders(Response response)
        {
            String overhead = response.getHeaders().get(OVERHEAD_HEADER);
            if (overhead != null) {
                try {
                    overheadMs = OptionalDouble.of(Double.parseDouble(overhead.trim()));
                }
                catch (NumberFormatException e) {
                    // a malformed header is the gateway's bug; the latency measurement does not depend on it
                }
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content)
        {
            long now = ticker.nanoTime();
            if (firstByteNanos < 0) {
                firstByteNanos = now;
            }
            else if (streaming) {
                if (gapCount == gaps.length) {
                    gaps = Arrays.copyOf(gaps, Math.max(16, gapCount * 2));
                }
                gaps[gapCount++] = now - lastReadNanos;
            }
            lastReadNanos = now;
            if (streaming) {
                keepTail(content);
            }
        }

        private void keepTail(ByteBuffer content)
        {
            int length = content.remaining();
            if (length >= tail.length) {
                content.get(content.position() + length - tail.length, tail, 0, tail.length);
                tailLength = tail.length;
                return;
            }
            int keep = Math.min(tailLength, tail.length - length);
            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
            content.get(content.position(), tail, keep, length);
            tailLength = keep + length;
        }

        @Override
        public void onComplete(Result result)
        {
            long now = ticker.nanoTime();
            Response response = result.getResponse();
            int status = response == null ? 0 : response.getStatus();
            OutcomeKind kind;
            if (result.isFailed()) {
                kind = failureKind(result.getFailure(), status);
            }
            else if (status < 200 || status >= 300) {
                kind = OutcomeKind.HTTP_STATUS;
            }
            else if (streaming && !endsWithDone()) {
                kind = OutcomeKind.STREAM_CUT;
            }
            else {
                kind = OutcomeKind.OK;
            }
            // time to first byte says something only for streams (the first token); a whole answer has its latency
            long[] gapsRead = gapCount == gaps.length ? gaps : Arrays.copyOf(gaps, gapCount);
            done.accept(new Outcome(kind, status, now, streaming ? firstByteNanos : -1, gapsRead, overheadMs));
        }

        private OutcomeKind failureKind(Throwable failure, int status)
        {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException) {
                    return OutcomeKind.TIMEOUT;
                }
                if (cause instanceof RejectedExecutionException) {
                    return OutcomeKind.CLIENT_QUEUE_FULL;
                }
            }
            if (status >= 200 && status < 300) {
                // the answer had begun: its body was cut
                return OutcomeKind.STREAM_CUT;
            }
            if (status != 0) {
                return OutcomeKind.HTTP_STATUS;
            }
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException || cause instanceof ClosedChannelException || cause instanceof EofException
                        || cause instanceof EOFException || cause instanceof IOException) {
                    return OutcomeKind.CONNECTION;
                }
            }
            return OutcomeKind.OTHER;
        }

        private boolean endsWithDone()
        {
            // the stream must end with "data: [DONE]" followed only by line breaks
            int end = tailLength;
            while (end > 0 && (tail[end - 1] == '\n' || tail[end - 1] == '\r')) {
                end--;
            }
            return end >= DONE.length && Arrays.equals(tail, end - DONE.length, end, DONE, 0, DONE.length);
        }
    }
}
