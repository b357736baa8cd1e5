package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.ParameterPolicy;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.UpstreamTimeouts;

import java.net.URI;
import java.util.Set;

/**
 * Serves a deployment of OpenAI or of a server that speaks its API (Groq, vLLM, Azure OpenAI...), as a
 * {@link PassThroughTarget} describes it. The client's body is forwarded as the bytes it sent with only
 * {@code model} spliced in, and the answer is passed back as received: this is the gateway's hot path, so nothing is
 * re-serialised unless a parameter the upstream refuses has to be removed; only usage and errors are read, with a
 * streaming parser.
 */
public final class OpenAiAdapter
        implements ProviderAdapter
{
    private final PassThroughTarget target;
    private final PassThroughBody bodies;
    private final UpstreamTimeouts timeouts;
    private final UpstreamClient upstream;
    private final OpenAiErrors errors;

    /**
     * @param deployment the deployment served; its {@code drop_params} and {@code additional_drop_params} apply
     */
    public OpenAiAdapter(PassThroughTarget target, DeploymentSpec deployment, ProviderContext context)
    {
        this.target = target;
        // what the upstream refuses is known per request: the policy carries only the deployment's dropping rules
        this.bodies = new PassThroughBody(target, ParameterPolicy.of(deployment, context, Set.of()));
        this.timeouts = deployment.timeouts();
        this.upstream = context.upstream();
        this.errors = new OpenAiErrors(target.provider(), target.secrets(), context.clock());
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        if (request.modelValueStart() < 0) {
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "the request body has no top-level \"model\" string");
        }
        URI uri = target.endpointUris().get(request.endpoint());
        PassThroughBody.Prepared prepared = bodies.prepare(request);
        UpstreamRequest upstreamRequest = UpstreamRequest.postJson(uri, target.headers(), prepared.body(), timeouts);
        return request.stream() ? stream(upstreamRequest, prepared.suppressUsageChunk()) : complete(upstreamRequest);
    }

    private ProviderResponse.Complete complete(UpstreamRequest upstreamRequest)
    {
        UpstreamResponse response = upstream.send(upstreamRequest);
        if (!response.successful()) {
            throw errors.fromResponse(response.status(), response.headers(), response.body());
        }
        return new ProviderResponse.Complete(response.body(), OpenAiBodyScanner.usage(response.body()),
                OpenAiErrors.rateLimitHeaders(response.headers()));
    }

    private ProviderResponse.Streaming stream(UpstreamRequest upstreamRequest, boolean suppressUsageChunk)
    {
        UpstreamStream stream = upstream.open(upstreamRequest);
        try {
            if (stream.status() < 200 || stream.status() >= 300) {
                throw errors.fromResponse(stream.status(), stream.headers(), UpstreamErrors.readErrorBody(stream.body()));
            }
            return new ProviderResponse.Streaming(new OpenAiChunkStream(stream, errors, target.provider(), suppressUsageChunk),
                    OpenAiErrors.rateLimitHeaders(stream.headers()));
        }
        catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    @Override
    public String toString()
    {
        return "OpenAiAdapter[" + target + "]";
    }
}
