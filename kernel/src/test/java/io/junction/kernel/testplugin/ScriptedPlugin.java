package io.junction.kernel.testplugin;

import io.junction.spi.ErrorKind;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.Usage;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin for kernel tests, packaged into a jar at test time and loaded through PF4J like any third-party plugin.
 * Its {@code scripted} provider behaves as {@code litellm_params.behaviour} says; its {@code first} strategy always
 * picks the first candidate, so tests know which deployment is tried.
 */
public final class ScriptedPlugin
        implements JunctionPlugin
{
    @Override
    public List<ProviderAdapterFactory> providerAdapterFactories()
    {
        return List.of(new ScriptedProviderFactory());
    }

    @Override
    public List<RoutingStrategyFactory> routingStrategyFactories()
    {
        return List.of(new RoutingStrategyFactory()
        {
            @Override
            public String name()
            {
                return "first";
            }

            @Override
            public RoutingStrategy create(io.junction.spi.ConfigView settings, io.junction.spi.routing.RoutingContext context)
            {
                return (request, candidates) -> Optional.of(candidates.getFirst());
            }
        });
    }

    static final class ScriptedProviderFactory
            implements ProviderAdapterFactory
    {
        @Override
        public String name()
        {
            return "scripted";
        }

        @Override
        public Set<String> modelPrefixes()
        {
            return Set.of("scripted");
        }

        @Override
        public Set<Endpoint> endpoints()
        {
            return Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS);
        }

        @Override
        public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
        {
            String behaviour = deployment.params().string("behaviour").orElse("answer");
            AtomicInteger calls = new AtomicInteger();
            return request -> {
                calls.incrementAndGet();
                return switch (behaviour) {
                    case "answer" -> answer(deployment, request);
                    case "unavailable" -> throw new ProviderException(ErrorKind.UNAVAILABLE, "scripted upstream is down");
                    case "unauthorized" -> throw new ProviderException(ErrorKind.AUTHENTICATION, "scripted upstream rejects the key");
                    case "crash" -> throw new IllegalStateException("a bug in the plugin");
                    case "cut-stream" -> new ProviderResponse.Streaming(new CutStream());
                    case "visibility" -> visibility(request);
                    case "http" -> http(deployment, context, request);
                    case "rate-limited" -> throw new ProviderException(ErrorKind.RATE_LIMITED, "scripted upstream is rate limited", 429, null, null,
                            java.time.Duration.ofSeconds(deployment.params().integer("retry_after").orElse(0L)), Map.of(), null);
                    case "server-error" -> throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "scripted upstream failed", 500, null, null, null, Map.of(), null);
                    case "context-window" -> throw new ProviderException(ErrorKind.CONTEXT_WINDOW_EXCEEDED, "scripted prompt is too long", 400,
                            "context_length_exceeded", "messages", null, Map.of(), null);
                    case "content-policy" -> throw new ProviderException(ErrorKind.CONTENT_POLICY, "scripted content refused", 400,
                            "content_policy_violation", null, null, Map.of(), null);
                    case "bad-request" -> throw new ProviderException(ErrorKind.INVALID_REQUEST, "scripted upstream rejects the request", 400, null, null, null, Map.of(), null);
                    case "first-chunk-fails" -> new ProviderResponse.Streaming(new FailingStream());
                    case "slow-first-chunk" -> new ProviderResponse.Streaming(new SlowFirstChunk(new WordStream("thought it over"),
                            deployment.params().integer("first_chunk_delay_ms").orElse(500L)));
                    case "slow-then-fails" -> new ProviderResponse.Streaming(new SlowFirstChunk(new FailingStream(),
                            deployment.params().integer("first_chunk_delay_ms").orElse(500L)));
                    default -> throw new IllegalArgumentException(behaviour);
                };
            };
        }

        private static ProviderResponse answer(DeploymentSpec deployment, ProviderRequest request)
        {
            String text = "answer from " + deployment.id() + " model " + deployment.model();
            if (request.stream()) {
                return new ProviderResponse.Streaming(new WordStream(text));
            }
            String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"" + deployment.model()
                    + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                    + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}";
            return new ProviderResponse.Complete(body.getBytes(StandardCharsets.UTF_8), Usage.of(3, 5));
        }

        /**
         * Calls {@code api_base + /chat/completions} through the kernel's upstream client (its pooling, timeouts and
         * transport errors), passing 200 answers on and mapping error statuses as a provider adapter would.
         */
        private static ProviderResponse http(DeploymentSpec deployment, ProviderContext context, ProviderRequest request)
        {
            String base = deployment.params().string("api_base").orElseThrow();
            UpstreamResponse answer = context.upstream().send(UpstreamRequest.postJson(URI.create(base + "/chat/completions"), Map.of(),
                    request.body(), deployment.timeouts()));
            if (answer.status() == 200) {
                return new ProviderResponse.Complete(answer.body(), Usage.of(3, 5));
            }
            String retryAfter = answer.headers().getOrDefault("retry-after", answer.headers().get("Retry-After"));
            throw new ProviderException(ErrorKind.fromHttpStatus(answer.status()), "scripted upstream answered " + answer.status(), answer.status(), null,
                    null, retryAfter == null ? null : java.time.Duration.ofSeconds(Long.parseLong(retryAfter.trim())), Map.of(), null);
        }

        /** Answers whether kernel internals and libraries are visible from the plugin's class loader. */
        private static ProviderResponse visibility(ProviderRequest request)
        {
            String body = "{\"kernel\":" + visible("io.junction.kernel.Gateway") + ",\"jackson\":" + visible("com.fasterxml.jackson.core.JsonFactory")
                    + ",\"jetty\":" + visible("org.eclipse.jetty.server.Server") + ",\"spi\":" + visible("io.junction.spi.ConfigView") + "}";
            return new ProviderResponse.Complete(body.getBytes(StandardCharsets.UTF_8), Usage.UNKNOWN);
        }

        private static boolean visible(String className)
        {
            try {
                Class.forName(className, false, ScriptedPlugin.class.getClassLoader());
                return true;
            }
            catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    private static final class WordStream
            implements ChunkStream
    {
        private final String[] words;
        private int next;

        WordStream(String text)
        {
            this.words = text.split(" ");
        }

        @Override
        public byte[] next()
        {
            if (next == words.length) {
                return null;
            }
            String word = (next == 0 ? "" : " ") + words[next++];
            return ("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + "\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Usage usage()
        {
            return next == words.length ? Usage.of(3, words.length) : Usage.UNKNOWN;
        }

        @Override
        public void close() {}
    }

    /** A model that thinks before its first token: the first chunk (or the failure) comes after a delay. */
    private static final class SlowFirstChunk
            implements ChunkStream
    {
        private final ChunkStream rest;
        private final long delayMillis;
        private boolean waited;

        SlowFirstChunk(ChunkStream rest, long delayMillis)
        {
            this.rest = rest;
            this.delayMillis = delayMillis;
        }

        @Override
        public byte[] next()
        {
            if (!waited) {
                waited = true;
                try {
                    Thread.sleep(delayMillis);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProviderException(ErrorKind.TIMEOUT, "interrupted while thinking");
                }
            }
            return rest.next();
        }

        @Override
        public Usage usage()
        {
            return rest.usage();
        }

        @Override
        public void close()
        {
            rest.close();
        }
    }

    /** Fails before its first chunk, as an upstream that accepts a stream and then drops it would. */
    private static final class FailingStream
            implements ChunkStream
    {
        @Override
        public byte[] next()
        {
            throw new ProviderException(ErrorKind.UNAVAILABLE, "the upstream stream broke before its first chunk");
        }

        @Override
        public Usage usage()
        {
            return Usage.UNKNOWN;
        }

        @Override
        public void close() {}
    }

    /** Sends one chunk, then fails as an upstream that drops the connection would. */
    private static final class CutStream
            implements ChunkStream
    {
        private boolean sent;

        @Override
        public byte[] next()
        {
            if (!sent) {
                sent = true;
                return "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}".getBytes(StandardCharsets.UTF_8);
            }
            throw new ProviderException(ErrorKind.UNAVAILABLE, "the upstream stream was cut before [DONE]");
        }

        @Override
        public Usage usage()
        {
            return Usage.UNKNOWN;
        }

        @Override
        public void close() {}
    }
}
