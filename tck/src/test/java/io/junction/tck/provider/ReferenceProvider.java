package io.junction.tck.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.UpstreamTimeouts;
import io.junction.spi.provider.Usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider adapter for "Acme", a made-up provider with a native format of its own, written to pass the provider
 * kit; each {@link Fault} breaks exactly one rule, for the kit's tests of itself.
 * <p>
 * Acme's API: {@code POST {api_base}/v1/generate} with {@code {"model", "input", "stream", "tools"}} and the key in
 * {@code x-acme-key}; answers {@code {"output": {"text"} | {"tool"}, "stop", "tokens": {"in", "out"}}}; streams
 * NDJSON lines {@code {"delta"}} ending with {@code {"done": true, "tokens"}}; {@code POST {api_base}/v1/embed} answers
 * {@code {"vector", "tokens"}}; errors are {@code {"error": {"message"}}} with a {@code retry-after} in seconds.
 */
final class ReferenceProvider
{
    static final String NAME = "acme";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceProvider() {}

    /** One misbehaviour each; the rule it breaks is in its name's comment. */
    enum Fault
    {
        NONE,
        /** P1 */ CHAT_OBJECT_IS_WRONG,
        /** P2 */ STREAM_DROPS_A_PIECE,
        /** P3 */ STREAM_USAGE_NEVER_KNOWN,
        /** P4 */ TEXT_COMPLETION_AS_CHAT,
        /** P5 */ EMBEDDING_KEEPS_NATIVE_SHAPE,
        /** P6 */ TOOL_CALLS_DROPPED,
        /** P6 (TOOLS not declared) */ UNSUPPORTED_TOOLS_IGNORED,
        /** P7 */ RETRY_AFTER_DROPPED,
        /** P8 */ SERVER_ERROR_AS_INTERNAL,
        /** P9 */ UNAUTHORIZED_AS_PERMISSION_DENIED,
        /** P10 */ UPSTREAM_MESSAGE_NOT_REDACTED,
        /** P11 */ RETRIES_SERVER_ERRORS_ITSELF,
        /** P12 */ UNAVAILABLE_READ_ENDS_STREAM,
        /** P13 */ STREAM_WITHOUT_DONE_ENDS_CLEANLY,
        /** P14 */ STREAM_TIMEOUT_AS_UNAVAILABLE,
        /** P15 */ REFUSED_CONNECTION_AS_INTERNAL,
        /** P16 */ SEND_TIMEOUT_AS_UNAVAILABLE,
        /** P17 */ KEY_IN_TO_STRING,
        /** P18 */ SECOND_CLOSE_THROWS,
        /** P19 */ NAME_NOT_WELL_FORMED,
        /** P20 */ MISSING_API_BASE_IS_A_NULL_POINTER
    }

    static final class Factory
            implements ProviderAdapterFactory
    {
        private final Fault fault;
        private final Set<Endpoint> endpoints;
        private final boolean tools;

        /** Every endpoint, streams and tools. */
        Factory(Fault fault)
        {
            this(fault, Set.of(Endpoint.values()), true);
        }

        Factory(Fault fault, Set<Endpoint> endpoints, boolean tools)
        {
            this.fault = fault;
            this.endpoints = Set.copyOf(endpoints);
            this.tools = tools;
        }

        @Override
        public String name()
        {
            return fault == Fault.NAME_NOT_WELL_FORMED ? "Acme Reference" : NAME;
        }

        @Override
        public Set<String> modelPrefixes()
        {
            return Set.of(NAME);
        }

        @Override
        public Set<Endpoint> endpoints()
        {
            return endpoints;
        }

        @Override
        public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
        {
            ConfigView params = deployment.params();
            String apiBase = fault == Fault.MISSING_API_BASE_IS_A_NULL_POINTER
                    ? params.asMap().get("api_base").toString()
                    : params.requireString("api_base");
            Optional<Secret> apiKey = params.secret("api_key");
            return new Adapter(this, URI.create(apiBase.replaceAll("/+$", "")), apiKey, deployment.model(), deployment.timeouts(), context.upstream());
        }
    }

    private static final class Adapter
            implements ProviderAdapter
    {
        private final Factory factory;
        private final URI apiBase;
        private final Optional<Secret> apiKey;
        private final String model;
        private final UpstreamTimeouts timeouts;
        private final UpstreamClient upstream;
        private final AtomicBoolean closed = new AtomicBoolean();

        Adapter(Factory factory, URI apiBase, Optional<Secret> apiKey, String model, UpstreamTimeouts timeouts, UpstreamClient upstream)
        {
            this.factory = factory;
            this.apiBase = apiBase;
            this.apiKey = apiKey;
            this.model = model;
            this.timeouts = timeouts;
            this.upstream = upstream;
        }

        private Fault fault()
        {
            return factory.fault;
        }

        @Override
        public ProviderResponse send(ProviderRequest request)
        {
            if (!factory.endpoints.contains(request.endpoint())) {
                throw new ProviderException(ErrorKind.INVALID_REQUEST, "acme does not serve " + request.endpoint().path());
            }
            JsonNode body = read(request.body());
            if (body.has("tools") && !factory.tools && fault() != Fault.UNSUPPORTED_TOOLS_IGNORED) {
                throw new ProviderException(ErrorKind.INVALID_REQUEST, "acme does not support tools");
            }
            ObjectNode upstreamBody = JSON.createObjectNode().put("model", model);
            String path;
            if (request.endpoint() == Endpoint.EMBEDDINGS) {
                path = "/v1/embed";
                upstreamBody.put("input", body.path("input").asText());
            }
            else {
                path = "/v1/generate";
                upstreamBody.put("input", input(body, request.endpoint())).put("stream", request.stream());
                if (body.has("tools") && factory.tools) {
                    upstreamBody.set("tools", body.get("tools"));
                }
            }
            Map<String, String> headers = apiKey.map(key -> Map.of("x-acme-key", key.reveal())).orElse(Map.of());
            UpstreamRequest upstreamRequest = UpstreamRequest.postJson(URI.create(apiBase + path), headers, bytes(upstreamBody), timeouts);
            try {
                return request.stream() ? stream(upstreamRequest) : complete(upstreamRequest, request.endpoint());
            }
            catch (ProviderException e) {
                throw transportFault(e);
            }
        }

        private ProviderException transportFault(ProviderException e)
        {
            if (fault() == Fault.REFUSED_CONNECTION_AS_INTERNAL && e.kind() == ErrorKind.UNAVAILABLE && e.upstreamStatus() == 0) {
                return new ProviderException(ErrorKind.INTERNAL, "acme: " + e.getMessage());
            }
            if (fault() == Fault.SEND_TIMEOUT_AS_UNAVAILABLE && e.kind() == ErrorKind.TIMEOUT) {
                return new ProviderException(ErrorKind.UNAVAILABLE, "acme: " + e.getMessage());
            }
            return e;
        }

        private ProviderResponse.Complete complete(UpstreamRequest upstreamRequest, Endpoint endpoint)
        {
            UpstreamResponse response = upstream.send(upstreamRequest);
            if (response.status() >= 500 && fault() == Fault.RETRIES_SERVER_ERRORS_ITSELF) {
                response = upstream.send(upstreamRequest);
            }
            if (!response.successful()) {
                throw error(response.status(), response.headers(), response.body());
            }
            JsonNode answer = read(response.body());
            Usage usage = Usage.of(answer.path("tokens").path("in").asLong(), answer.path("tokens").path("out").asLong());
            ObjectNode openAi = switch (endpoint) {
                case EMBEDDINGS -> embeddings(answer, usage);
                case COMPLETIONS -> textCompletion(answer, usage);
                case CHAT_COMPLETIONS -> chatCompletion(answer, usage);
            };
            return new ProviderResponse.Complete(bytes(openAi), usage);
        }

        private ProviderResponse.Streaming stream(UpstreamRequest upstreamRequest)
        {
            UpstreamStream stream = upstream.open(upstreamRequest);
            if (stream.status() < 200 || stream.status() >= 300) {
                try (stream) {
                    throw error(stream.status(), stream.headers(), stream.body().readNBytes(64 * 1024));
                }
                catch (IOException e) {
                    throw new ProviderException(ErrorKind.UNAVAILABLE, "acme: cannot read the error body", e);
                }
            }
            return new ProviderResponse.Streaming(new Chunks(stream, model, fault()));
        }

        private ObjectNode chatCompletion(JsonNode answer, Usage usage)
        {
            ObjectNode message = JSON.createObjectNode().put("role", "assistant");
            String finishReason = "stop";
            JsonNode tool = answer.path("output").path("tool");
            if (tool.isObject()) {
                message.putNull("content");
                if (fault() != Fault.TOOL_CALLS_DROPPED) {
                    ObjectNode call = message.putArray("tool_calls").addObject().put("id", tool.path("id").asText()).put("type", "function");
                    call.putObject("function").put("name", tool.path("name").asText()).put("arguments", tool.path("arguments").toString());
                }
                finishReason = "tool_calls";
            }
            else {
                message.put("content", answer.path("output").path("text").asText());
            }
            boolean wrongObject = fault() == Fault.CHAT_OBJECT_IS_WRONG && !tool.isObject();
            ObjectNode completion = envelope(wrongObject ? "completion" : "chat.completion");
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
            choice.set("message", message);
            choice.put("finish_reason", finishReason);
            completion.set("usage", usage(usage));
            return completion;
        }

        private ObjectNode textCompletion(JsonNode answer, Usage usage)
        {
            if (fault() == Fault.TEXT_COMPLETION_AS_CHAT) {
                return chatCompletion(answer, usage);
            }
            ObjectNode completion = envelope("text_completion");
            completion.putArray("choices").addObject().put("index", 0).put("text", answer.path("output").path("text").asText())
                    .put("finish_reason", "stop");
            completion.set("usage", usage(usage));
            return completion;
        }

        private ObjectNode embeddings(JsonNode answer, Usage usage)
        {
            if (fault() == Fault.EMBEDDING_KEEPS_NATIVE_SHAPE) {
                return (ObjectNode) answer;
            }
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("model", model);
            ObjectNode embedding = list.putArray("data").addObject().put("object", "embedding").put("index", 0);
            embedding.set("embedding", answer.path("vector"));
            list.putObject("usage").put("prompt_tokens", usage.promptTokens()).put("total_tokens", usage.promptTokens());
            return list;
        }

        private static ObjectNode usage(Usage usage)
        {
            return JSON.createObjectNode().put("prompt_tokens", usage.promptTokens()).put("completion_tokens", usage.completionTokens())
                    .put("total_tokens", usage.totalTokens());
        }

        private ObjectNode envelope(String object)
        {
            return JSON.createObjectNode().put("id", "chatcmpl-acme-1").put("object", object).put("created", 1_700_000_000L).put("model", model);
        }

        private ProviderException error(int status, Map<String, String> headers, byte[] body)
        {
            ErrorKind kind = ErrorKind.fromHttpStatus(status);
            if (fault() == Fault.SERVER_ERROR_AS_INTERNAL && status >= 500) {
                kind = ErrorKind.INTERNAL;
            }
            if (fault() == Fault.UNAUTHORIZED_AS_PERMISSION_DENIED && status == 401) {
                kind = ErrorKind.PERMISSION_DENIED;
            }
            String text;
            try {
                text = read(body).path("error").path("message").asText("");
            }
            catch (ProviderException unreadable) {
                // not Acme's error shape (a proxy's page, say): never echo it
                text = "";
            }
            if (fault() != Fault.UPSTREAM_MESSAGE_NOT_REDACTED && apiKey.isPresent()) {
                text = text.replace(apiKey.get().reveal(), Secret.MASK);
            }
            Duration retryAfter = fault() == Fault.RETRY_AFTER_DROPPED ? null : Optional.ofNullable(headers.get("retry-after"))
                    .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds.trim()))).orElse(null);
            return new ProviderException(kind, "acme returned HTTP " + status + (text.isEmpty() ? "" : ": " + text), status, null, null, retryAfter,
                    Map.of(), null);
        }

        @Override
        public void close()
        {
            if (!closed.compareAndSet(false, true) && fault() == Fault.SECOND_CLOSE_THROWS) {
                throw new IllegalStateException("already closed");
            }
        }

        @Override
        public String toString()
        {
            String key = fault() == Fault.KEY_IN_TO_STRING ? apiKey.map(Secret::reveal).orElse("") : apiKey.map(Secret::toString).orElse("none");
            return "AcmeAdapter[" + apiBase + ", model=" + model + ", key=" + key + "]";
        }
    }

    /** Acme's NDJSON stream, as OpenAI chunks. */
    private static final class Chunks
            implements ChunkStream
    {
        private final UpstreamStream upstream;
        private final BufferedReader lines;
        private final String model;
        private final Fault fault;
        private Usage usage = Usage.UNKNOWN;
        private boolean ended;
        private int deltas;

        Chunks(UpstreamStream upstream, String model, Fault fault)
        {
            this.upstream = upstream;
            this.lines = new BufferedReader(new InputStreamReader(upstream.body(), StandardCharsets.UTF_8));
            this.model = model;
            this.fault = fault;
        }

        @Override
        public byte[] next()
        {
            while (!ended) {
                String line = nextLine();
                if (line == null) {
                    if (ended || fault == Fault.STREAM_WITHOUT_DONE_ENDS_CLEANLY) {
                        ended = true;
                        return null;
                    }
                    throw new ProviderException(ErrorKind.UNAVAILABLE, "acme's stream ended before its done line");
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = read(line.getBytes(StandardCharsets.UTF_8));
                if (event.path("done").asBoolean(false)) {
                    ended = true;
                    if (fault != Fault.STREAM_USAGE_NEVER_KNOWN) {
                        usage = Usage.of(event.path("tokens").path("in").asLong(), event.path("tokens").path("out").asLong());
                    }
                    return chunk(null, "stop");
                }
                deltas++;
                if (fault == Fault.STREAM_DROPS_A_PIECE && deltas == 2) {
                    continue;
                }
                return chunk(event.path("delta").asText(), null);
            }
            return null;
        }

        private String nextLine()
        {
            try {
                return lines.readLine();
            }
            catch (ProviderException e) {
                if (fault == Fault.STREAM_TIMEOUT_AS_UNAVAILABLE && e.kind() == ErrorKind.TIMEOUT) {
                    throw new ProviderException(ErrorKind.UNAVAILABLE, "acme: " + e.getMessage());
                }
                if (fault == Fault.UNAVAILABLE_READ_ENDS_STREAM && e.kind() == ErrorKind.UNAVAILABLE) {
                    ended = true;
                    return null;
                }
                throw e;
            }
            catch (IOException e) {
                if (fault == Fault.UNAVAILABLE_READ_ENDS_STREAM) {
                    ended = true;
                    return null;
                }
                throw new ProviderException(ErrorKind.UNAVAILABLE, "reading acme's stream failed (" + e.getClass().getSimpleName() + ")", e);
            }
        }

        private byte[] chunk(String content, String finishReason)
        {
            ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-acme-1").put("object", "chat.completion.chunk")
                    .put("created", 1_700_000_000L).put("model", model);
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            if (content != null) {
                delta.put("content", content);
            }
            choice.put("finish_reason", finishReason);
            return bytes(chunk);
        }

        @Override
        public Usage usage()
        {
            return usage;
        }

        @Override
        public void close()
        {
            upstream.close();
        }
    }

    /** What Acme's API sends, for the provider kit's fake upstream. */
    static final class Script
            implements UpstreamScript
    {
        @Override
        public NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens)
        {
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("output").put("text", text);
            return NativeResponse.json(200, finished(answer, promptTokens, completionTokens));
        }

        @Override
        public NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens)
        {
            StringBuilder lines = new StringBuilder();
            for (String piece : pieces) {
                lines.append(JSON.createObjectNode().put("delta", piece)).append('\n');
            }
            ObjectNode done = JSON.createObjectNode().put("done", true);
            done.putObject("tokens").put("in", promptTokens).put("out", completionTokens);
            lines.append(done).append('\n');
            return NativeResponse.of(200, "application/x-ndjson", lines.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
        {
            int status = switch (kind) {
                case RATE_LIMITED -> 429;
                case AUTHENTICATION -> 401;
                case UPSTREAM_SERVER -> 500;
                case UNAVAILABLE -> 503;
                default -> 400;
            };
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("message", message);
            NativeResponse response = NativeResponse.json(status, body.toString());
            return retryAfter.map(wait -> response.withHeader("retry-after", Long.toString(wait.toSeconds()))).orElse(response);
        }

        @Override
        public NativeResponse nativeTextCompletion(String text, long promptTokens, long completionTokens)
        {
            return nativeChatResponse(text, promptTokens, completionTokens);
        }

        @Override
        public NativeResponse nativeEmbedding(float[] vector, long promptTokens)
        {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode values = answer.putArray("vector");
            for (float value : vector) {
                values.add(value);
            }
            answer.putObject("tokens").put("in", promptTokens);
            return NativeResponse.json(200, answer.toString());
        }

        @Override
        public NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
        {
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode tool = answer.putObject("output").putObject("tool").put("id", callId).put("name", toolName);
            tool.set("arguments", read(argumentsJson.getBytes(StandardCharsets.UTF_8)));
            return NativeResponse.json(200, finished(answer, promptTokens, completionTokens));
        }

        private static String finished(ObjectNode answer, long promptTokens, long completionTokens)
        {
            answer.put("stop", "end_turn");
            answer.putObject("tokens").put("in", promptTokens).put("out", completionTokens);
            return answer.toString();
        }
    }

    private static String input(JsonNode body, Endpoint endpoint)
    {
        if (endpoint == Endpoint.COMPLETIONS) {
            return body.path("prompt").asText();
        }
        StringBuilder input = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            input.append(message.path("role").asText()).append(": ").append(message.path("content").asText()).append('\n');
        }
        return input.toString();
    }

    private static JsonNode read(byte[] json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "not JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] bytes(JsonNode node)
    {
        try {
            return JSON.writeValueAsBytes(node);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
