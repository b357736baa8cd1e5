package io.junction.kernel.http;

import io.junction.kernel.cache.ResponseCacheLayer;
import io.junction.kernel.callback.CallbackDispatcher;
import io.junction.kernel.router.ModelGroup;
import io.junction.kernel.router.Router;
import io.junction.spi.ErrorKind;
import io.junction.spi.callback.HttpRoute;
import io.junction.spi.provider.Endpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The gateway's routes, with and without the {@code /v1} prefix: the OpenAI inference endpoints, the model list,
 * health, and the read-only routes plugins contribute (such as {@code /metrics}). Every error leaves in OpenAI's
 * shape; an unexpected exception is logged with the call id and answered with a 500 that carries no stack trace.
 */
public final class GatewayHandler
        extends Handler.Abstract
{
    private static final Logger log = LoggerFactory.getLogger(GatewayHandler.class);

    private final Router router;
    private final MasterKeyAuth auth;
    private final InferenceHandler inference;
    private final Map<String, HttpRoute> pluginRoutes;
    private final Supplier<Map<String, Object>> readiness;
    private final InstantSource clock;
    private final long startedEpochSeconds;
    // model groups never change while the gateway runs
    private final byte[] modelList;
    private volatile boolean shuttingDown;

    public GatewayHandler(Router router, MasterKeyAuth auth, Optional<ResponseCacheLayer> cache, CallbackDispatcher callbacks,
            Map<String, HttpRoute> pluginRoutes, Supplier<Map<String, Object>> readiness, InstantSource clock, long maxBodyBytes, Duration streamKeepAlive)
    {
        super(InvocationType.BLOCKING);
        this.router = router;
        this.auth = auth;
        this.inference = new InferenceHandler(router, cache, callbacks, clock, maxBodyBytes, streamKeepAlive);
        this.pluginRoutes = Map.copyOf(pluginRoutes);
        this.readiness = readiness;
        this.clock = clock;
        this.startedEpochSeconds = clock.instant().getEpochSecond();
        this.modelList = modelList();
    }

    /** Readiness turns 503 so load balancers stop sending while in-flight requests finish. */
    public void shuttingDown()
    {
        shuttingDown = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
    {
        String callId = newCallId();
        ResponseHeaders.callId(response.getHeaders(), callId);
        String path = Request.getPathInContext(request);
        String route = path.startsWith("/v1/") ? path.substring(3) : path;
        String method = request.getMethod();
        try {
            dispatch(callId, route, method, request, response, callback);
        }
        catch (GatewayError error) {
            sendError(response, callback, error);
        }
        catch (RuntimeException | LinkageError e) {
            log.error("Unexpected error serving {} {} (call id {})", method, path, callId, e);
            sendError(response, callback, new GatewayError(ErrorKind.INTERNAL,
                    "Internal error in the gateway (call id " + callId + "); the gateway log has the details.", null, null));
        }
        return true;
    }

    private void dispatch(String callId, String route, String method, Request request, Response response, Callback callback)
    {
        switch (route) {
            case "/health/liveness", "/health/liveliness" -> {
                requireMethod(method, HttpMethod.GET);
                JsonResponses.send(response, callback, 200, JsonResponses.toBytes(json -> json.writeString("I'm alive!")));
            }
            case "/health/readiness" -> {
                requireMethod(method, HttpMethod.GET);
                Map<String, Object> status = readiness.get();
                int code = shuttingDown ? 503 : 200;
                JsonResponses.send(response, callback, code, JsonResponses.toBytes(json -> {
                    json.writeStartObject();
                    json.writeStringField("status", shuttingDown ? "shutting_down" : "healthy");
                    for (Map.Entry<String, Object> entry : status.entrySet()) {
                        json.writeFieldName(entry.getKey());
                        writeValue(json, entry.getValue());
                    }
                    json.writeEndObject();
                }));
            }
            case "/chat/completions" -> inference(Endpoint.CHAT_COMPLETIONS, callId, method, request, response, callback);
            case "/completions" -> inference(Endpoint.COMPLETIONS, callId, method, request, response, callback);
            case "/embeddings" -> inference(Endpoint.EMBEDDINGS, callId, method, request, response, callback);
            case "/models" -> {
                requireMethod(method, HttpMethod.GET);
                auth.authenticate(request);
                JsonResponses.send(response, callback, 200, modelList);
            }
            default -> {
                if (route.startsWith("/models/")) {
                    requireMethod(method, HttpMethod.GET);
                    auth.authenticate(request);
                    JsonResponses.send(response, callback, 200, model(route.substring("/models/".length())));
                    return;
                }
                HttpRoute pluginRoute = pluginRoutes.get(route);
                if (pluginRoute == null) {
                    throw new GatewayError(ErrorKind.NOT_FOUND, "Unknown request URL: " + method + " " + Request.getPathInContext(request)
                            + ". Please check the URL for typos.", null, "unknown_url");
                }
                servePluginRoute(pluginRoute, method, request, response, callback);
            }
        }
    }

    private void inference(Endpoint endpoint, String callId, String method, Request request, Response response, Callback callback)
    {
        requireMethod(method, HttpMethod.POST);
        long startNanos = request.getBeginNanoTime();
        Instant startTime = clock.instant();
        Optional<String> caller = auth.authenticate(request);
        inference.handle(new CallRecord(callId, endpoint, startTime, startNanos, caller), request, response, callback);
    }

    private void servePluginRoute(HttpRoute route, String method, Request request, Response response, Callback callback)
    {
        requireMethod(method, HttpMethod.GET);
        if (route.requiresAuth()) {
            auth.authenticate(request);
        }
        byte[] body = route.body().get();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, route.contentType());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private byte[] modelList()
    {
        List<String> names = new ArrayList<>();
        router.groups().forEach(group -> names.add(group.name()));
        names.sort(null);
        return JsonResponses.toBytes(json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (String name : names) {
                writeModel(json, name);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private byte[] model(String name)
    {
        ModelGroup group = router.group(name).orElseThrow(() -> new GatewayError(ErrorKind.NOT_FOUND,
                "The model '" + name + "' does not exist.", "model", "model_not_found"));
        return JsonResponses.toBytes(json -> writeModel(json, group.name()));
    }

    private void writeModel(com.fasterxml.jackson.core.JsonGenerator json, String name)
            throws java.io.IOException
    {
        json.writeStartObject();
        json.writeStringField("id", name);
        json.writeStringField("object", "model");
        json.writeNumberField("created", startedEpochSeconds);
        json.writeStringField("owned_by", "junction");
        json.writeEndObject();
    }

    private static void writeValue(com.fasterxml.jackson.core.JsonGenerator json, Object value)
            throws java.io.IOException
    {
        switch (value) {
            case null -> json.writeNull();
            case Number number -> json.writeNumber(number.toString());
            case Boolean flag -> json.writeBoolean(flag);
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    writeValue(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case Iterable<?> items -> {
                json.writeStartArray();
                for (Object item : items) {
                    writeValue(json, item);
                }
                json.writeEndArray();
            }
            default -> json.writeString(value.toString());
        }
    }

    private static void requireMethod(String method, HttpMethod expected)
    {
        if (!expected.is(method)) {
            throw GatewayError.methodNotAllowed(method, expected.asString());
        }
    }

    static void sendError(Response response, Callback callback, GatewayError error)
    {
        if (response.isCommitted()) {
            callback.failed(error);
            return;
        }
        ResponseHeaders.provider(response.getHeaders(), error.headers());
        error.retryAfter().ifPresent(wait -> response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        JsonResponses.send(response, callback, error.status(), JsonResponses.errorBody(error));
    }

    /** A random (version 4) UUID without SecureRandom's cost: call ids need to be unique, not unguessable. */
    static String newCallId()
    {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
