package io.junction.kernel.router;

import io.junction.kernel.config.ModelDeployment;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;

import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A deployment as the router runs it: its adapter, what it serves, and its live figures. */
public final class DeploymentRuntime
{
    private final ModelDeployment config;
    private final Deployment deployment;
    private final ProviderAdapter adapter;
    private final String pluginId;
    private final Set<Endpoint> endpoints;
    private final boolean streams;
    private final InstantSource clock;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final MinuteWindow requests = new MinuteWindow();
    private final MinuteWindow tokens = new MinuteWindow();

    public DeploymentRuntime(ModelDeployment config, ProviderAdapter adapter, String pluginId, Set<Endpoint> endpoints, boolean streams, InstantSource clock)
    {
        this.config = config;
        this.adapter = adapter;
        this.pluginId = pluginId;
        this.endpoints = Set.copyOf(endpoints);
        this.streams = streams;
        this.clock = clock;
        this.deployment = new Deployment(config.id(), config.modelName(), config.provider(), config.model(), config.weight(), config.rpm(),
                config.tpm(), config.inputCostPerToken(), config.outputCostPerToken(), config.modelInfo());
    }

    public String id()
    {
        return config.id();
    }

    public ModelDeployment config()
    {
        return config;
    }

    public ProviderAdapter adapter()
    {
        return adapter;
    }

    public String pluginId()
    {
        return pluginId;
    }

    public boolean serves(Endpoint endpoint, boolean stream)
    {
        return endpoints.contains(endpoint) && (!stream || streams);
    }

    public int inFlight()
    {
        return inFlight.get();
    }

    Candidate candidate()
    {
        long minute = currentMinute();
        // concurrent resets of a window can leave a figure briefly below zero: a routing figure never fails a request
        return new Candidate(deployment, new DeploymentLoad(Math.max(0, inFlight.get()), Math.max(0, requests.get(minute)), Math.max(0, tokens.get(minute))));
    }

    /**
     * Counts the attempt against the deployment's in-flight figure and its rpm, and reserves the prompt's tokens.
     *
     * @return the minute the reservation was made in, to settle it with {@link #attemptFinished}
     */
    public long attemptStarted(int estimatedPromptTokens)
    {
        long minute = currentMinute();
        inFlight.incrementAndGet();
        requests.add(1, minute);
        tokens.add(estimatedPromptTokens, minute);
        return minute;
    }

    /**
     * Settles the reservation with the real token count, when the provider reported one. A reservation made in an
     * earlier minute is not settled against the current one: that window never held it.
     */
    public void attemptFinished(long startMinute, int estimatedPromptTokens, long actualTokens)
    {
        inFlight.decrementAndGet();
        long minute = currentMinute();
        if (actualTokens < 0) {
            return;
        }
        if (minute == startMinute) {
            tokens.add(actualTokens - estimatedPromptTokens, minute);
        }
        else {
            tokens.add(actualTokens, minute);
        }
    }

    /** Cost in USD of a call with these token counts, 0 when the deployment's prices are unknown. */
    public double cost(long promptTokens, long completionTokens)
    {
        if (promptTokens < 0 || completionTokens < 0) {
            return 0;
        }
        return promptTokens * config.inputCostPerToken().orElse(0) + completionTokens * config.outputCostPerToken().orElse(0);
    }

    private long currentMinute()
    {
        return clock.millis() / 60_000;
    }
}
