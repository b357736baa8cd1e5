package io.junction.tck.bench.upstream;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * A fake OpenAI chat completions server for the benchmark, much cheaper than any gateway: answers are precomputed
 * bytes, and the only things read from a request are the deployment key (from the path {@code /d/KEY/...} or the
 * {@code x-fake-deployment} header; else {@value #DEFAULT_DEPLOYMENT}) and a byte scan for {@code "stream": true}.
 * Each request runs on its own virtual thread, so latency and gaps between stream events are plain waits.
 * <p>
 * Endpoints: {@code POST .../chat/completions} (JSON, or SSE when the body asks for a stream), {@code GET /health},
 * {@code GET /stats} (the counters as JSON).
 */
public final class FakeUpstream
        implements AutoCloseable
{
    public static final String DEFAULT_DEPLOYMENT = "default";
    static final String DEPLOYMENT_HEADER = "x-fake-deployment";
    private static final String DEPLOYMENT_PREFIX = "/d/";

    private final InstantSource clock;
    private final RandomGenerator random;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder streamRequests = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong peakInFlight = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Server server;
    private final ServerConnector connector;

    private FakeUpstream(String host, int port, FakeUpstreamSettings settings, InstantSource clock, RandomGenerator random)
    {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.random = Objects.requireNonNull(random, "random is null");
        configure(settings);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("fake-upstream");
        threads.setDaemon(true);
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(4096);
        connector.setIdleTimeout(TimeUnit.MINUTES.toMillis(5));
        server.addConnector(connector);
        server.setHandler(new CompletionHandler());
        server.setStopTimeout(1_000);
        try {
            server.start();
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot start the fake upstream on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param port 0 for any free port
     * @param clock the time rpm quotas are counted in (UTC minutes)
     * @param random draws injected faults; must be safe to call from many threads
     */
    public static FakeUpstream start(String host, int port, FakeUpstreamSettings settings, InstantSource clock, RandomGenerator random)
    {
        return new FakeUpstream(host, port, settings, clock, random);
    }

    /** On 127.0.0.1, a free port, the system clock and a thread-local random. */
    public static FakeUpstream start(FakeUpstreamSettings settings)
    {
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        return start("127.0.0.1", 0, settings, InstantSource.system(), random);
    }

    /** Changes how requests from now on are answered; rpm quotas start counting afresh. */
    public void configure(FakeUpstreamSettings settings)
    {
        Objects.requireNonNull(settings, "settings is null");
        state.set(new State(settings, new FakeResponses(settings), new RpmQuotas(settings.rpmQuotas())));
    }

    public FakeUpstreamSettings settings()
    {
        return state.get().settings();
    }

    public int port()
    {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}, without a path. */
    public URI baseUri()
    {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    /** The OpenAI base URL of the default deployment: {@code http://host:port/v1}. */
    public URI openAiBase()
    {
        return URI.create(baseUri() + "/v1");
    }

    /** The OpenAI base URL that counts requests (and applies quotas) under {@code deployment}. */
    public URI openAiBase(String deployment)
    {
        if (deployment.isEmpty() || !deployment.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new IllegalArgumentException("deployment keys are letters, digits, - and _ but was '" + deployment + "'");
        }
        return URI.create(baseUri() + DEPLOYMENT_PREFIX + deployment + "/v1");
    }

    public URI chatCompletions()
    {
        return URI.create(openAiBase() + "/chat/completions");
    }

    public UpstreamStats stats()
    {
        Map<String, UpstreamStats.DeploymentStats> deployments = new TreeMap<>();
        counters.forEach((key, count) -> deployments.put(key, count.snapshot()));
        return new UpstreamStats(requests.sum(), streamRequests.sum(), peakInFlight.get(), deployments);
    }

    public void resetStats()
    {
        counters.clear();
        requests.reset();
        streamRequests.reset();
        peakInFlight.set(inFlight.get());
    }

    @Override
    public void close()
    {
        closed.countDown();
        try {
            server.stop();
        }
        catch (Exception e) {
            // stopping a test fixture: nothing left to do
        }
    }

    static String deploymentKey(String path, String header)
    {
        if (path.startsWith(DEPLOYMENT_PREFIX)) {
            int end = path.indexOf('/', DEPLOYMENT_PREFIX.length());
            if (end > DEPLOYMENT_PREFIX.length()) {
                return safeKey(path.substring(DEPLOYMENT_PREFIX.length(), end));
            }
        }
        return header == null || header.isBlank() ? DEFAULT_DEPLOYMENT : safeKey(header.trim());
    }

    // keys end up in JSON and in error messages: anything unusual is counted under one name instead
    private static String safeKey(String key)
    {
        boolean safe = key.length() <= 64 && key.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.');
        return safe ? key : "invalid-key";
    }

    private Counters counters(String deployment)
    {
        return counters.computeIfAbsent(deployment, key -> new Counters());
    }

    /** Waits, or returns early when the fake is closed: stalls never outlive it. */
    private void pause(Duration duration)
            throws InterruptedException
    {
        if (!duration.isZero()) {
            closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private record State(FakeUpstreamSettings settings, FakeResponses responses, RpmQuotas quotas) {}

    private final class CompletionHandler
            extends Handler.Abstract
    {
        @Override
        public boolean handle(Request request, Response response, Callback callback)
                throws Exception
        {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            if (HttpMethod.POST.is(method) && path.endsWith("/chat/completions")) {
                completion(request, response, callback, path);
            }
            else if (HttpMethod.GET.is(method) && path.equals("/health")) {
                write(response, callback, HttpStatus.OK_200, "text/plain", "ok".getBytes(StandardCharsets.US_ASCII));
            }
            else if (HttpMethod.GET.is(method) && path.equals("/stats")) {
                write(response, callback, HttpStatus.OK_200, "application/json", statsJson().getBytes(StandardCharsets.UTF_8));
            }
            else {
                write(response, callback, HttpStatus.NOT_FOUND_404, "application/json",
                        "{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}".getBytes(StandardCharsets.UTF_8));
            }
            return true;
        }

        private void completion(Request request, Response response, Callback callback, String path)
                throws IOException, InterruptedException
        {
            State current = state.get();
            RequestFlags flags = RequestFlags.scan(Content.Source.asByteBuffer(request));
            String deployment = deploymentKey(path, request.getHeaders().get(DEPLOYMENT_HEADER));
            Counters count = counters(deployment);
            count.requests.increment();
            requests.increment();
            if (flags.stream()) {
                streamRequests.increment();
            }
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                RpmQuotas.Decision quota = current.quotas().tryAcquire(deployment, clock.millis());
                if (quota.limit() >= 0) {
                    response.getHeaders().put("x-ratelimit-limit-requests", quota.limit());
                    response.getHeaders().put("x-ratelimit-remaining-requests", quota.remaining());
                }
                if (!quota.allowed()) {
                    count.rateLimited.increment();
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, quota.retryAfterSeconds());
                    response.getHeaders().put("x-ratelimit-reset-requests", quota.retryAfterSeconds() + "s");
                    write(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, "application/json",
                            FakeResponses.rateLimitBody(deployment, quota.limit(), quota.retryAfterSeconds()));
                    return;
                }
                Fault fault = Fault.pick(current.settings().faults(), random);
                if (fault == Fault.SERVER_ERROR) {
                    count.serverErrors.increment();
                    write(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "application/json",
                            FakeResponses.SERVER_ERROR_BODY.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (fault == Fault.STALL) {
                    count.stalls.increment();
                    pause(current.settings().faults().stallFor());
                }
                pause(current.settings().latency());
                if (flags.stream()) {
                    stream(response, callback, current, flags.includeUsage(), fault == Fault.CUT, count);
                }
                else {
                    whole(response, callback, current.responses().completion(), fault == Fault.CUT, count);
                }
            }
            finally {
                inFlight.decrementAndGet();
            }
        }

        private void whole(Response response, Callback callback, byte[] body, boolean cut, Counters count)
                throws IOException
        {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            if (cut) {
                count.cuts.increment();
                blockingWrite(response, ByteBuffer.wrap(body, 0, body.length / 2));
                callback.failed(new IOException("fake upstream: injected cut"));
                return;
            }
            count.served.increment();
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        private void stream(Response response, Callback callback, State current, boolean includeUsage, boolean cut, Counters count)
                throws IOException, InterruptedException
        {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            List<byte[]> events = current.responses().streamEvents(includeUsage);
            Duration gap = current.settings().chunkGap();
            if (cut) {
                count.cuts.increment();
                for (int i = 0; i < events.size() / 2; i++) {
                    blockingWrite(response, ByteBuffer.wrap(events.get(i)));
                }
                callback.failed(new IOException("fake upstream: injected cut"));
                return;
            }
            if (gap.isZero()) {
                count.served.increment();
                response.write(true, ByteBuffer.wrap(current.responses().wholeStream(includeUsage)), callback);
                return;
            }
            for (int i = 0; i < events.size() - 1; i++) {
                blockingWrite(response, ByteBuffer.wrap(events.get(i)));
                pause(gap);
            }
            count.served.increment();
            response.write(true, ByteBuffer.wrap(events.getLast()), callback);
        }

        private void blockingWrite(Response response, ByteBuffer buffer)
                throws IOException
        {
            try (Blocker.Callback blocker = Blocker.callback()) {
                response.write(false, buffer, blocker);
                blocker.block();
            }
        }

        private void write(Response response, Callback callback, int status, String contentType, byte[] body)
        {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    private String statsJson()
    {
        UpstreamStats stats = stats();
        StringBuilder json = new StringBuilder("{\"requests\":").append(stats.requests())
                .append(",\"stream_requests\":").append(stats.streamRequests())
                .append(",\"peak_in_flight\":").append(stats.peakInFlight())
                .append(",\"deployments\":{");
        boolean first = true;
        for (Map.Entry<String, UpstreamStats.DeploymentStats> entry : stats.deployments().entrySet()) {
            UpstreamStats.DeploymentStats d = entry.getValue();
            json.append(first ? "" : ",").append('"').append(entry.getKey()).append("\":{\"requests\":").append(d.requests())
                    .append(",\"served\":").append(d.served()).append(",\"rate_limited\":").append(d.rateLimited())
                    .append(",\"server_errors\":").append(d.serverErrors()).append(",\"stalls\":").append(d.stalls())
                    .append(",\"cuts\":").append(d.cuts()).append('}');
            first = false;
        }
        return json.append("}}").toString();
    }

    private static final class Counters
    {
        private final LongAdder requests = new LongAdder();
        private final LongAdder served = new LongAdder();
        private final LongAdder rateLimited = new LongAdder();
        private final LongAdder serverErrors = new LongAdder();
        private final LongAdder stalls = new LongAdder();
        private final LongAdder cuts = new LongAdder();

        UpstreamStats.DeploymentStats snapshot()
        {
            return new UpstreamStats.DeploymentStats(requests.sum(), served.sum(), rateLimited.sum(), serverErrors.sum(), stalls.sum(), cuts.sum());
        }
    }
}
