package io.junction.tck.validate;

import io.junction.spi.ConfigView;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamTimeouts;
import io.junction.tck.http.JdkUpstreamClient;
import io.junction.tck.kit.ManualClock;
import io.junction.tck.provider.FakeUpstream;
import io.junction.tck.provider.KitRequests;
import io.junction.tck.provider.LoopbackUpstreamClient;
import io.junction.tck.provider.ProviderAdapterContract;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds out whether a provider of unknown format calls an upstream over HTTP at all (a mock answers by itself):
 * one request, answered with a server error, and a look at whether anything tried to send it. The transport rules
 * apply only to a provider that does.
 */
final class ProviderProbe
{
    private static final UpstreamTimeouts PROBE_TIMEOUTS = new UpstreamTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(3));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ProviderProbe() {}

    static boolean callsUpstream(ProviderAdapterFactory factory, ValidationTarget target)
    {
        try (FakeUpstream upstream = FakeUpstream.start();
                LoopbackUpstreamClient client = new LoopbackUpstreamClient(new JdkUpstreamClient())) {
            String prefix = new TreeSet<>(factory.modelPrefixes()).first();
            DeploymentSpec deployment = new DeploymentSpec("tck-probe", KitRequests.MODEL_GROUP, prefix, "tck-upstream-model",
                    new ConfigView(ProviderAdapterContract.PARAMS_PATH, target.providerParams(upstream.baseUri(), "sk-tck-probe")), PROBE_TIMEOUTS);
            ProviderAdapter adapter = factory.create(deployment, new ProviderContext(client, new ManualClock(), false));
            Thread call = Thread.ofVirtual().start(() -> sendIgnoringFailures(adapter, endpointOf(factory)));
            call.join(WAIT);
            call.interrupt();
            closeQuietly(adapter);
            return client.attempts() > 0 || !upstream.requests().isEmpty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        catch (RuntimeException | LinkageError e) {
            // cannot tell (the factory refuses the default parameters, say): let the transport rules run and report it
            return true;
        }
    }

    private static Endpoint endpointOf(ProviderAdapterFactory factory)
    {
        for (Endpoint endpoint : List.of(Endpoint.CHAT_COMPLETIONS, Endpoint.COMPLETIONS, Endpoint.EMBEDDINGS)) {
            if (factory.endpoints().contains(endpoint)) {
                return endpoint;
            }
        }
        return Endpoint.CHAT_COMPLETIONS;
    }

    private static void sendIgnoringFailures(ProviderAdapter adapter, Endpoint endpoint)
    {
        try {
            ProviderResponse response = adapter.send(KitRequests.plain(endpoint));
            if (response instanceof ProviderResponse.Streaming streaming) {
                streaming.chunks().close();
            }
        }
        catch (RuntimeException | LinkageError ignored) {
            // the probe only wants to know whether a request was attempted
        }
    }

    private static void closeQuietly(ProviderAdapter adapter)
    {
        try {
            adapter.close();
        }
        catch (RuntimeException ignored) {
            // P18 reports a close() that fails
        }
    }
}
