package io.junction.tck.bench.testplugin;

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
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal {@code openai/} provider for the benchmark's smoke test, packaged into a plugin jar at test time (the real
 * providers plugin depends on the TCK, so the TCK cannot use it): forwards the client's bytes with the model spliced
 * in to {@code api_base + /chat/completions} and returns the answer as it came; a stream event by event.
 */
public final class ForwardingPlugin
        implements JunctionPlugin
{
    @Override
    public List<ProviderAdapterFactory> providerAdapterFactories()
    {
        return List.of(new ForwardingFactory());
    }

    static final class ForwardingFactory
            implements ProviderAdapterFactory
    {
        @Override
        public String name()
        {
            return "bench-forwarding";
        }

        @Override
        public Set<String> modelPrefixes()
        {
            return Set.of("openai");
        }

        @Override
        public Set<Endpoint> endpoints()
        {
            return Set.of(Endpoint.CHAT_COMPLETIONS);
        }

        @Override
        public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
        {
            String base = deployment.params().requireString("api_base");
            URI uri = URI.create(base.replaceAll("/+$", "") + Endpoint.CHAT_COMPLETIONS.path());
            String model = deployment.model();
            return request -> forward(request, uri, model, deployment, context);
        }

        private static ProviderResponse forward(ProviderRequest request, URI uri, String model, DeploymentSpec deployment, ProviderContext context)
        {
            UpstreamRequest upstreamRequest = UpstreamRequest.postJson(uri, Map.of(), request.bodyWithModel(model), deployment.timeouts());
            if (request.stream()) {
                UpstreamStream stream = context.upstream().open(upstreamRequest);
                if (stream.status() / 100 != 2) {
                    stream.close();
                    throw new ProviderException(kind(stream.status()), "upstream answered " + stream.status());
                }
                return new ProviderResponse.Streaming(new SseChunks(stream));
            }
            UpstreamResponse response = context.upstream().send(upstreamRequest);
            if (!response.successful()) {
                throw new ProviderException(kind(response.status()), "upstream answered " + response.status());
            }
            return new ProviderResponse.Complete(response.body(), Usage.UNKNOWN);
        }

        private static ErrorKind kind(int status)
        {
            return status == 429 ? ErrorKind.RATE_LIMITED : status >= 500 ? ErrorKind.UPSTREAM_SERVER : ErrorKind.INVALID_REQUEST;
        }
    }

    /** The {@code data:} payloads of an SSE body, up to {@code [DONE]}. */
    static final class SseChunks
            implements ChunkStream
    {
        private final UpstreamStream stream;
        private final BufferedReader lines;

        SseChunks(UpstreamStream stream)
        {
            this.stream = stream;
            this.lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        }

        @Override
        public byte[] next()
        {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    String data = line.substring("data:".length()).trim();
                    return data.equals("[DONE]") ? null : data.getBytes(StandardCharsets.UTF_8);
                }
            }
            catch (IOException e) {
                throw new ProviderException(ErrorKind.UNAVAILABLE, "the upstream stream broke");
            }
            throw new ProviderException(ErrorKind.UNAVAILABLE, "the upstream stream ended without [DONE]");
        }

        @Override
        public Usage usage()
        {
            return Usage.UNKNOWN;
        }

        @Override
        public void close()
        {
            stream.close();
        }
    }
}
