package io.junction.kernel.router;

import io.junction.kernel.config.ModelDeployment;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;

import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deployment as the router runs it: its adapter, what it serves, and its live figures: this instance's own
 * counts, the fleet's counts as last seen in the shared store, and whether it is cooling down.
 */
public final class DeploymentRuntime
{
    /** What {@link #tryAttemptStarted} answers when the deployment's limits leave no room. */
    public static final long NO_ROOM = -1;

    private final ModelDeployment config;
    private final Deployment deployment;
    private final ProviderAdapter adapter;
    private final String pluginId;
    private final Set<Endpoint> endpoints;
    private final boolean streams;
    private final InstantSource clock;
    private final OptionalLong maxInputTokens;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final MinuteWindow requests = new MinuteWindow();
    private final MinuteWindow tokens = new MinuteWindow();
    private final MinuteWindow successes = new MinuteWindow();
    private final MinuteWindow failures = new MinuteWindow();

    private volatile FleetFigures fleet = FleetFigures.NONE;
    private volatile long localCooldownUntil;
    private volatile long fleetCooldownUntil;

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
        this.maxInputTokens = contextWindow(config.modelInfo());
    }

    public String id()
    {
        return config.id();
    }

    public String group()
    {
        return config.modelName();
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

    /** Whether the deployment sets an rpm or tpm quota that the router must hold. */
    public boolean limited()
    {
        return config.rpm().isPresent() || config.tpm().isPresent();
    }

    /** {@code model_info.max_input_tokens}, else {@code model_info.max_tokens}; empty when neither is set. */
    public OptionalLong maxInputTokens()
    {
        return maxInputTokens;
    }

    boolean fitsContext(int estimatedPromptTokens)
    {
        return maxInputTokens.isEmpty() || estimatedPromptTokens <= maxInputTokens.getAsLong();
    }

    Candidate candidate()
    {
        long minute = currentMinute();
        return new Candidate(deployment, load(minute));
    }

    /**
     * The larger of this instance's count and the fleet's (as last seen) for the current minute. Concurrent resets of
     * a window can leave a figure briefly below zero: a routing figure never fails a request.
     */
    DeploymentLoad load(long minute)
    {
        FleetFigures seen = fleet;
        long fleetRequests = seen.minute() == minute ? seen.requests() : 0;
        long fleetTokens = seen.minute() == minute ? seen.tokens() : 0;
        return new DeploymentLoad(Math.max(0, inFlight.get()), Math.max(0, Math.max(requests.get(minute), fleetRequests)),
                Math.max(0, Math.max(tokens.get(minute), fleetTokens)));
    }

    /** Whether the figures known without asking anyone leave room for one more request of this size. */
    boolean hasHeadroom(int estimatedPromptTokens)
    {
        if (!limited()) {
            return true;
        }
        DeploymentLoad load = load(currentMinute());
        return (config.rpm().isEmpty() || load.requestsThisMinute() < config.rpm().getAsLong())
                && (config.tpm().isEmpty() || load.tokensThisMinute() + estimatedPromptTokens <= config.tpm().getAsLong());
    }

    /**
     * Counts the attempt against the deployment's in-flight figure and its rpm, and reserves the prompt's tokens,
     * without checking any limit (the shared store checked them, or there are none).
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
     * Like {@link #attemptStarted} but only within {@code share} of the deployment's rpm and tpm, counted by this
     * instance alone. When the fleet's counts of this minute are known (from the last reservation or refresh), the
     * share applies to what the fleet had left then, on top of what this instance had used by then: instances that
     * fall back together (each with its share) then stay within the global limit. Otherwise the share applies to the
     * whole limit, and is at least one request and one prompt.
     *
     * @return the minute of the reservation, or {@link #NO_ROOM}
     */
    public long tryAttemptStarted(int estimatedPromptTokens, double share)
    {
        long minute = currentMinute();
        OptionalLong rpm = config.rpm();
        OptionalLong tpm = config.tpm();
        FleetFigures seen = fleet;
        boolean synced = seen.minute() == minute;
        if (rpm.isPresent()) {
            long limit = synced ? seen.localRequests() + (long) Math.floor(share * Math.max(0, rpm.getAsLong() - seen.requests()))
                    : scaled(rpm.getAsLong(), share, 1);
            if (!requests.tryAdd(1, limit, minute)) {
                return NO_ROOM;
            }
        }
        else {
            requests.add(1, minute);
        }
        if (tpm.isPresent()) {
            long limit = synced ? seen.localTokens() + (long) Math.floor(share * Math.max(0, tpm.getAsLong() - seen.tokens()))
                    : scaled(tpm.getAsLong(), share, estimatedPromptTokens);
            if (!tokens.tryAdd(estimatedPromptTokens, limit, minute)) {
                requests.add(-1, minute);
                return NO_ROOM;
            }
        }
        else {
            tokens.add(estimatedPromptTokens, minute);
        }
        inFlight.incrementAndGet();
        return minute;
    }

    /**
     * Settles the reservation with the real token count, when the provider reported one. A reservation made in an
     * earlier minute is not settled against the current one: that window never held it.
     */
    public void attemptFinished(long startMinute, int estimatedPromptTokens, long actualTokens)
    {
        inFlight.decrementAndGet();
        if (actualTokens >= 0) {
            long minute = currentMinute();
            tokens.add(tokenSettlement(startMinute, estimatedPromptTokens, actualTokens, minute), minute);
        }
    }

    /**
     * What settling a reservation adds to the token count of {@code minute}: the real count less the estimate, or the
     * whole real count when the reservation was made in an earlier minute; nothing when the real count is unknown (-1).
     */
    static long tokenSettlement(long startMinute, int estimatedPromptTokens, long actualTokens, long minute)
    {
        if (actualTokens < 0) {
            return 0;
        }
        return minute == startMinute ? actualTokens - estimatedPromptTokens : actualTokens;
    }

    /** Counts an attempt's health outcome in this instance's current minute. */
    void countOutcome(AttemptHealth health)
    {
        long minute = currentMinute();
        switch (health) {
            case SUCCESS -> successes.add(1, minute);
            case FAILURE -> failures.add(1, minute);
            case NEUTRAL -> {
                // the caller's own mistake says nothing about the deployment
            }
        }
    }

    /** This instance's successes and health failures in the current minute. */
    HealthCounts localHealth()
    {
        long minute = currentMinute();
        return new HealthCounts(successes.get(minute), failures.get(minute));
    }

    public boolean coolingDown(long nowMillis)
    {
        return nowMillis < cooldownUntil();
    }

    /** When the cooldown ends (epoch milliseconds), as this instance set it or the fleet reported it; 0 if never. */
    public long cooldownUntil()
    {
        return Math.max(localCooldownUntil, fleetCooldownUntil);
    }

    void coolDownLocally(long untilMillis)
    {
        localCooldownUntil = Math.max(localCooldownUntil, untilMillis);
    }

    /** Takes back a cooldown this instance set, when the fleet refused it (it would have cooled the last deployment). */
    void revokeLocalCooldown(long untilMillis)
    {
        if (localCooldownUntil == untilMillis) {
            localCooldownUntil = 0;
        }
    }

    /** The fleet's figures for this deployment, as the shared store last reported them. */
    public void fleetSeen(long minute, long fleetRequests, long fleetTokens, long fleetCooldownEnd)
    {
        fleetCounted(minute, fleetRequests, fleetTokens);
        fleetCooldownUntil = fleetCooldownEnd;
    }

    /**
     * The fleet's counts right after a reservation (made by this instance and already in the counts, when it was
     * granted: it is counted locally right after); the cooldown figure is left as it was.
     */
    public void fleetCounted(long minute, long fleetRequests, long fleetTokens)
    {
        fleet = new FleetFigures(minute, fleetRequests, fleetTokens, requests.get(minute), tokens.get(minute));
    }

    /** Cost in USD of a call with these token counts, 0 when the deployment's prices are unknown. */
    public double cost(long promptTokens, long completionTokens)
    {
        if (promptTokens < 0 || completionTokens < 0) {
            return 0;
        }
        return promptTokens * config.inputCostPerToken().orElse(0) + completionTokens * config.outputCostPerToken().orElse(0);
    }

    public long currentMinute()
    {
        return clock.millis() / 60_000;
    }

    private static long scaled(long limit, double share, long atLeast)
    {
        return Math.max(atLeast, (long) Math.floor(limit * share));
    }

    private static OptionalLong contextWindow(Map<String, Object> modelInfo)
    {
        OptionalLong input = positive(modelInfo.get("max_input_tokens"));
        return input.isPresent() ? input : positive(modelInfo.get("max_tokens"));
    }

    private static OptionalLong positive(Object value)
    {
        try {
            long number = switch (value) {
                case Number n -> n.longValue();
                case String text when !text.isBlank() -> (long) Double.parseDouble(text.trim());
                case null, default -> 0;
            };
            return number > 0 ? OptionalLong.of(number) : OptionalLong.empty();
        }
        catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /**
     * The fleet's counts as last seen, with this instance's own counts at that moment.
     */
    private record FleetFigures(long minute, long requests, long tokens, long localRequests, long localTokens)
    {
        static final FleetFigures NONE = new FleetFigures(-1, 0, 0, 0, 0);
    }
}
