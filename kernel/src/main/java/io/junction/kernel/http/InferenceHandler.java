package io.junction.kernel.http;

import io.junction.kernel.cache.ResponseCacheLayer;
import io.junction.kernel.callback.CallbackDispatcher;
import io.junction.kernel.router.AttemptEnd;
import io.junction.kernel.router.DeploymentRuntime;
import io.junction.kernel.router.ModelGroup;
import io.junction.kernel.router.Reservation;
import io.junction.kernel.router.RouteTrace;
import io.junction.kernel.router.Router;
import io.junction.kernel.upstream.UpstreamTime;
import io.junction.spi.ErrorKind;
import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Serves {@code /chat/completions}, {@code /completions} and {@code /embeddings}: reads the body (bounded), scans the
 * routing fields, answers from cache when it can, then lets the router try deployments (retries, fallbacks, limits and
 * cooldowns are its business) and sends the answer whole or as server-sent events, chunk by chunk. The log event goes to the
 * callbacks' queues after the last byte.
 */
final class InferenceHandler
{
    private final Router router;
    private final Optional<ResponseCacheLayer> cache;
    private final CallbackDispatcher callbacks;
    private final InstantSource clock;
    private final long maxBodyBytes;
    // a first token that takes longer than this gets SSE comments, so idle proxies (often 60 s) keep the connection
    private final Duration firstChunkKeepAlive;

    InferenceHandler(Router router, Optional<ResponseCacheLayer> cache, CallbackDispatcher callbacks, InstantSource clock, long maxBodyBytes, Duration firstChunkKeepAlive)
    {
        this.firstChunkKeepAlive = firstChunkKeepAlive;
        this.router = router;
        this.cache = cache;
        this.callbacks = callbacks;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(CallRecord call, Request request, Response response, Callback callback)
    {
        UpstreamTime upstreamTime = UpstreamTime.begin();
        try {
            serve(call, upstreamTime, request, response, callback);
        }
        catch (GatewayError error) {
            call.upstreamWaitNanos = upstreamTime.waitedNanos();
            call.failed(error);
            GatewayHandler.sendError(response, callback, error);
        }
        finally {
            UpstreamTime.end();
            callbacks.publish(call.toEvent(System.nanoTime()));
        }
    }

    private void serve(CallRecord call, UpstreamTime upstreamTime, Request request, Response response, Callback callback)
    {
        byte[] body = readBody(request);
        ScannedRequest scanned = RequestScanner.scan(body);
        call.modelGroup = scanned.model();
        call.endUser = scanned.user();
        boolean stream = scanned.stream() && call.endpoint != Endpoint.EMBEDDINGS;
        call.stream = stream;

        ModelGroup group = router.group(scanned.model()).orElseThrow(() -> new GatewayError(ErrorKind.INVALID_REQUEST,
                "Invalid model name passed in model=" + scanned.model() + ". Call `/v1/models` to view available models.", "model", "model_not_found"));

        Optional<CacheQuery> cacheQuery = stream ? Optional.empty() : cache.map(layer -> layer.query(call.endpoint, group.name(), body));
        if (cacheQuery.isPresent() && answerFromCache(call, cacheQuery.get(), response, callback)) {
            return;
        }

        RouteTrace trace = new RouteTrace(group.name());
        call.trace = trace;
        try {
            router.route(group, call.endpoint, stream, scanned.estimatedPromptTokens(), trace, (servingGroup, reservation) -> {
                DeploymentRuntime deployment = reservation.deployment();
                // as LiteLLM: the group that answered, which is a fallback's when the request fell back
                call.modelGroup = servingGroup.name();
                call.deploymentId = deployment.id();
                call.provider = deployment.config().provider();
                call.upstreamModel = deployment.config().model();
                ProviderRequest providerRequest = new ProviderRequest(call.callId, call.endpoint, servingGroup.name(), stream, body,
                        scanned.modelValueStart(), scanned.modelValueEnd(), scanned.estimatedPromptTokens());
                attempt(call, upstreamTime, reservation, providerRequest, cacheQuery, response, callback);
            });
        }
        catch (ProviderException e) {
            ResponseHeaders.routing(response.getHeaders(), call);
            throw GatewayError.from(e);
        }
    }

    private void attempt(CallRecord call, UpstreamTime upstreamTime, Reservation reservation, ProviderRequest providerRequest,
            Optional<CacheQuery> cacheQuery, Response response, Callback callback)
    {
        DeploymentRuntime deployment = reservation.deployment();
        long attemptStart = System.nanoTime();
        Usage usage = Usage.UNKNOWN;
        long firstTokenNanos = -1;
        Optional<ErrorKind> error = Optional.empty();
        Optional<Duration> retryAfter = Optional.empty();
        try {
            ProviderResponse answer = deployment.adapter().send(providerRequest);
            switch (answer) {
                case ProviderResponse.Complete complete -> {
                    if (providerRequest.stream()) {
                        throw new ProviderException(ErrorKind.INTERNAL, "The provider plugin '" + deployment.pluginId() + "' answered a streamed request with a whole response.");
                    }
                    usage = complete.usage();
                    call.upstreamWaitNanos = upstreamTime.waitedNanos();
                    settle(call, deployment, usage);
                    call.status = 200;
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponses.APPLICATION_JSON);
                    ResponseHeaders.provider(response.getHeaders(), complete.headers());
                    ResponseHeaders.served(response.getHeaders(), call, call.overheadNanos(System.nanoTime()));
                    response.write(true, ByteBuffer.wrap(complete.body()), callback);
                    cacheQuery.ifPresent(query -> cache.orElseThrow().storeLater(query, new CachedResponse(complete.body(), complete.usage(), clock.instant())));
                }
                case ProviderResponse.Streaming streaming -> {
                    ErrorKind before = call.error;
                    try (ChunkStream chunks = streaming.chunks()) {
                        firstTokenNanos = stream(call, upstreamTime, deployment, chunks, streaming, response, callback);
                        usage = chunks.usage();
                        settle(call, deployment, usage);
                    }
                    if (call.error != before) {
                        // cut after its first byte (reported in-band) or abandoned by the client: not a success
                        error = Optional.ofNullable(call.error);
                    }
                }
            }
        }
        catch (ProviderException e) {
            error = Optional.of(e.kind());
            retryAfter = e.retryAfter();
            throw e;
        }
        catch (RuntimeException e) {
            error = Optional.of(ErrorKind.INTERNAL);
            throw e;
        }
        finally {
            long latency = System.nanoTime() - attemptStart;
            router.finish(reservation, new AttemptEnd(error, retryAfter, usage, Duration.ofNanos(latency),
                    Duration.ofNanos(firstTokenNanos < 0 ? latency : firstTokenNanos - attemptStart), providerRequest.stream()));
        }
    }

    /**
     * Pulls the first chunk before committing the response, so a failure before the first byte can still be retried
     * on another deployment; after that, errors end the stream in-band.
     *
     * @return when the first chunk was sent (nanoTime)
     */
    private long stream(CallRecord call, UpstreamTime upstreamTime, DeploymentRuntime deployment, ChunkStream chunks,
            ProviderResponse.Streaming streaming, Response response, Callback callback)
    {
        SseWriter sse = new SseWriter(response);
        byte[] first;
        long waitStartNanos = System.nanoTime();
        try {
            first = FirstChunkWaiter.await(chunks, firstChunkKeepAlive, () -> {
                if (!response.isCommitted()) {
                    // the wait for the first chunk is the upstream's time, not ours
                    call.upstreamWaitNanos = upstreamTime.waitedNanos();
                    startStream(call, streaming, response, waitStartNanos);
                }
                sse.comment();
            });
        }
        catch (ProviderException e) {
            if (!response.isCommitted()) {
                // nothing reached the client yet: the caller may still retry elsewhere or answer with an error status
                sse.discardHeaders();
                throw e;
            }
            failInBand(call, upstreamTime, sse, callback, e);
            return -1;
        }
        catch (IOException e) {
            clientGone(call, upstreamTime, callback, e);
            return -1;
        }
        long firstTokenNanos = System.nanoTime();
        call.timeToFirstTokenNanos = firstTokenNanos - call.startNanos;
        call.upstreamWaitNanos = upstreamTime.waitedNanos();
        if (!response.isCommitted()) {
            startStream(call, streaming, response, firstTokenNanos);
        }
        try {
            for (byte[] chunk = first; chunk != null; chunk = chunks.next()) {
                sse.data(chunk);
            }
            call.upstreamWaitNanos = upstreamTime.waitedNanos();
            sse.done();
            callback.succeeded();
        }
        catch (ProviderException e) {
            failInBand(call, upstreamTime, sse, callback, e);
        }
        catch (IOException e) {
            clientGone(call, upstreamTime, callback, e);
        }
        return firstTokenNanos;
    }

    /** Status and headers of a stream; written with its first event or keep-alive. */
    private static void startStream(CallRecord call, ProviderResponse.Streaming streaming, Response response, long overheadUntilNanos)
    {
        call.status = 200;
        response.setStatus(200);
        ResponseHeaders.provider(response.getHeaders(), streaming.headers());
        ResponseHeaders.served(response.getHeaders(), call, call.overheadNanos(overheadUntilNanos));
    }

    /** The client already has a 200 (and maybe some chunks): the failure is reported inside the stream, never as a clean end. */
    private static void failInBand(CallRecord call, UpstreamTime upstreamTime, SseWriter sse, Callback callback, ProviderException e)
    {
        call.upstreamWaitNanos = upstreamTime.waitedNanos();
        GatewayError error = GatewayError.from(e);
        call.failed(error);
        call.status = 200;
        sse.error(error);
        callback.succeeded();
    }

    /** The client went away: stop reading the upstream (closing the chunk stream aborts it). */
    private static void clientGone(CallRecord call, UpstreamTime upstreamTime, Callback callback, IOException e)
    {
        call.upstreamWaitNanos = upstreamTime.waitedNanos();
        call.status = 499;
        call.error = ErrorKind.INVALID_REQUEST;
        call.errorMessage = "client closed the connection";
        callback.failed(e);
    }

    private static void settle(CallRecord call, DeploymentRuntime deployment, Usage usage)
    {
        call.usage = usage;
        call.costUsd = usage.known() ? deployment.cost(usage.promptTokens(), usage.completionTokens()) : 0;
    }

    private boolean answerFromCache(CallRecord call, CacheQuery query, Response response, Callback callback)
    {
        Optional<CachedResponse> hit = cache.orElseThrow().lookup(query);
        if (hit.isEmpty()) {
            return false;
        }
        call.cacheHit = true;
        call.usage = hit.get().usage();
        call.status = 200;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponses.APPLICATION_JSON);
        response.getHeaders().put(ResponseHeaders.CACHE_HIT, "true");
        response.getHeaders().put(ResponseHeaders.LITELLM_CACHE_KEY, query.key());
        ResponseHeaders.served(response.getHeaders(), call, call.overheadNanos(System.nanoTime()));
        response.write(true, ByteBuffer.wrap(hit.get().body()), callback);
        return true;
    }

    private byte[] readBody(Request request)
    {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
        catch (IOException e) {
            throw GatewayError.invalidRequest("The request body could not be read: " + e.getClass().getSimpleName() + ".", null);
        }
    }

    private GatewayError tooLarge()
    {
        return new GatewayError(ErrorKind.REQUEST_TOO_LARGE, "The request body is larger than the limit of " + maxBodyBytes
                + " bytes (general_settings.max_request_size_mb).", null, "request_too_large");
    }
}
