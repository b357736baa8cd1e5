package io.junction.kernel.router;

import io.junction.kernel.router.shared.CircuitBreaker;
import io.junction.kernel.router.shared.DeploymentFigures;
import io.junction.kernel.router.shared.SharedStore;
import io.junction.kernel.router.shared.StoreReservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The router's view of the fleet. Alone (no shared store), limits are this instance's own counts. With a shared
 * store, each attempt on a limited deployment reserves its request and tokens there, exactly, in one round trip
 * (waiting at most the command timeout); settlements, health counts and cooldowns go there without being waited
 * for; and a background refresh mirrors every deployment's fleet-wide figures and cooldowns (routing never asks the
 * store per candidate). When the store fails or is slow, a {@link CircuitBreaker} opens and requests keep flowing
 * on local limits: a share ({@code redis_fallback_fraction}, else 1 / the instances last seen, else
 * {@value #UNKNOWN_FLEET_SHARE}) of what the fleet had left of each limit when this instance last saw its counts
 * (of the whole limit in a minute it has not seen), so that the fleet together stays within the global limit.
 */
public final class FleetState
        implements AutoCloseable
{
    static final int FAILURE_THRESHOLD = 3;
    static final Duration OPEN_INTERVAL = Duration.ofSeconds(1);
    static final Duration REFRESH_INTERVAL = Duration.ofMillis(250);
    static final Duration REFRESH_WAIT = Duration.ofMillis(500);
    static final Duration INSTANCE_STALE_AFTER = Duration.ofSeconds(10);
    static final double UNKNOWN_FLEET_SHARE = 0.5;

    private static final Logger log = LoggerFactory.getLogger(FleetState.class);

    private final SharedStore store;
    private final CircuitBreaker breaker;
    private final Duration commandTimeout;
    private final OptionalDouble configuredShare;
    private final InstantSource clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final LongAdder sharedReservations = new LongAdder();
    private final LongAdder localDecisions = new LongAdder();
    private final LongAdder storeErrors = new LongAdder();
    private volatile long instancesSeen;
    private volatile List<ModelGroup> groups = List.of();
    private final boolean refreshInBackground;
    private ScheduledExecutorService refresher;

    private FleetState(SharedStore store, Duration commandTimeout, OptionalDouble configuredShare, InstantSource clock, boolean refreshInBackground)
    {
        this.refreshInBackground = refreshInBackground;
        this.store = store;
        this.commandTimeout = commandTimeout;
        this.configuredShare = configuredShare;
        this.clock = clock;
        this.breaker = new CircuitBreaker(store == null ? "shared state" : "Redis at " + store.location(), FAILURE_THRESHOLD, OPEN_INTERVAL, clock);
    }

    /** This instance alone: limits are its own counts, cooldowns its own. */
    public static FleetState local(InstantSource clock)
    {
        return new FleetState(null, Duration.ZERO, OptionalDouble.empty(), clock, false);
    }

    /**
     * @param commandTimeout how long a request waits for a reservation before it uses its local limits
     * @param share {@code redis_fallback_fraction}, if configured
     */
    public static FleetState shared(SharedStore store, Duration commandTimeout, OptionalDouble share, InstantSource clock)
    {
        return new FleetState(store, commandTimeout, share, clock, true);
    }

    /** For tests: no background refresh, the test calls {@link #refreshNow()}. */
    static FleetState sharedRefreshedByHand(SharedStore store, Duration commandTimeout, OptionalDouble share, InstantSource clock)
    {
        return new FleetState(store, commandTimeout, share, clock, false);
    }

    /** Mirrors these groups' fleet figures from now on, refreshed in the background. */
    public synchronized void watch(Collection<ModelGroup> watched)
    {
        groups = List.copyOf(watched);
        if (store == null || refresher != null || !refreshInBackground) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "junction-fleet-state");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refreshNow();
            }
            catch (RuntimeException e) {
                log.warn("Refreshing the fleet's figures failed", e);
            }
        }, 0, REFRESH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reserves a request slot and the prompt's tokens on the deployment.
     *
     * @return the reservation, or null when the deployment's limits (global, or local while the store is out) leave
     *         no room
     */
    Reservation reserve(DeploymentRuntime deployment, int tokens)
    {
        if (!deployment.limited()) {
            return new Reservation(deployment, deployment.attemptStarted(tokens), tokens, false);
        }
        if (store == null) {
            return local(deployment, tokens, 1);
        }
        if (breaker.allowsRequests()) {
            long minute = deployment.currentMinute();
            try {
                StoreReservation answer = store.reserve(deployment.group(), deployment.id(), minute, deployment.config().rpm().orElse(-1),
                        deployment.config().tpm().orElse(-1), tokens).toCompletableFuture().get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
                breaker.succeeded();
                sharedReservations.increment();
                if (!answer.granted()) {
                    deployment.fleetCounted(minute, answer.requests(), answer.tokens());
                    return null;
                }
                // counted here first, so that the local figures of the sync point include this reservation too
                Reservation reservation = new Reservation(deployment, deployment.attemptStarted(tokens), tokens, true);
                deployment.fleetCounted(minute, answer.requests(), answer.tokens());
                return reservation;
            }
            catch (ExecutionException | TimeoutException e) {
                storeErrors.increment();
                breaker.failed(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        localDecisions.increment();
        return local(deployment, tokens, localShare());
    }

    /**
     * Settles a reservation with the real token count (-1 when unknown) and counts the attempt's health, locally and,
     * without waiting, in the shared store.
     *
     * @param failureCounts told the deployment's successes and failures this minute (the fleet's when the store
     *        answers, else this instance's) after a {@link AttemptHealth#FAILURE}, to decide on a cooldown
     */
    void finish(Reservation reservation, long actualTokens, AttemptHealth health, Consumer<HealthCounts> failureCounts)
    {
        DeploymentRuntime deployment = reservation.deployment();
        deployment.attemptFinished(reservation.minute(), reservation.estimatedTokens(), actualTokens);
        deployment.countOutcome(health);
        if (store == null || !breaker.allowsRequests()) {
            if (health == AttemptHealth.FAILURE) {
                failureCounts.accept(deployment.localHealth());
            }
            return;
        }
        long minute = deployment.currentMinute();
        long requests = reservation.fleetCounted() ? 0 : 1;
        // a reservation the store never counted is recorded whole: the estimate when the real count is unknown
        long tokens = reservation.fleetCounted()
                ? DeploymentRuntime.tokenSettlement(reservation.minute(), reservation.estimatedTokens(), actualTokens, minute)
                : actualTokens < 0 ? reservation.estimatedTokens() : actualTokens;
        long successes = health == AttemptHealth.SUCCESS ? 1 : 0;
        long failures = health == AttemptHealth.FAILURE ? 1 : 0;
        store.record(deployment.group(), deployment.id(), minute, requests, tokens, successes, failures).whenComplete((figures, error) -> {
            try {
                if (error != null) {
                    storeErrors.increment();
                    breaker.failed(error);
                }
                else {
                    breaker.succeeded();
                }
                if (health == AttemptHealth.FAILURE) {
                    failureCounts.accept(error != null ? deployment.localHealth() : new HealthCounts(figures.successes(), figures.failures()));
                }
            }
            catch (RuntimeException e) {
                log.warn("Recording an attempt on deployment {} failed", deployment.id(), e);
            }
        });
    }

    /**
     * Shares a cooldown this instance started; {@code refused} runs when the store refuses it because it would cool
     * the group's last healthy deployment.
     */
    CompletableFuture<Boolean> coolDown(DeploymentRuntime deployment, List<String> groupDeploymentIds, long nowMillis, long untilMillis, Runnable refused)
    {
        if (store == null || !breaker.allowsRequests()) {
            return CompletableFuture.completedFuture(true);
        }
        return store.coolDown(deployment.group(), deployment.id(), groupDeploymentIds, nowMillis, untilMillis).toCompletableFuture().whenComplete((set, error) -> {
            if (error != null) {
                storeErrors.increment();
                breaker.failed(error);
                return;
            }
            breaker.succeeded();
            if (!set) {
                refused.run();
            }
        });
    }

    /**
     * One refresh: tells the store this instance is alive and mirrors every watched deployment's fleet figures and
     * cooldown. Also the breaker's probe: while the breaker is open it runs once per open interval. Called by the
     * background refresher; tests call it directly.
     */
    public void refreshNow()
    {
        if (store == null || !breaker.allowsProbe()) {
            return;
        }
        long now = clock.millis();
        long minute = now / 60_000;
        List<ModelGroup> watched = groups;
        try {
            CompletableFuture<Long> heartbeat = store.heartbeat(instanceId, now, INSTANCE_STALE_AFTER.toMillis()).toCompletableFuture();
            List<CompletableFuture<Map<String, DeploymentFigures>>> snapshots = new ArrayList<>(watched.size());
            for (ModelGroup group : watched) {
                snapshots.add(store.snapshot(group.name(), minute, now).toCompletableFuture());
            }
            List<CompletableFuture<?>> all = new ArrayList<>(snapshots);
            all.add(heartbeat);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            instancesSeen = heartbeat.join();
            for (int i = 0; i < watched.size(); i++) {
                Map<String, DeploymentFigures> figures = snapshots.get(i).join();
                for (DeploymentRuntime deployment : watched.get(i).deployments()) {
                    DeploymentFigures seen = figures.getOrDefault(deployment.id(), DeploymentFigures.NONE);
                    deployment.fleetSeen(minute, seen.requests(), seen.tokens(), seen.cooldownUntil());
                }
            }
            breaker.probeSucceeded();
        }
        catch (ExecutionException | TimeoutException e) {
            storeErrors.increment();
            breaker.failed(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public CircuitBreaker.State state()
    {
        return breaker.state();
    }

    /** The share of each global limit this instance uses on its own while the store is out. */
    double localShare()
    {
        if (configuredShare.isPresent()) {
            return configuredShare.getAsDouble();
        }
        long seen = instancesSeen;
        return seen > 0 ? 1.0 / seen : UNKNOWN_FLEET_SHARE;
    }

    /** For {@code /health/readiness}: where the state lives, the breaker, and what fell back to local limits. */
    public Map<String, Object> status()
    {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("backend", store == null ? "local" : "redis");
        if (store != null) {
            status.put("location", store.location());
            status.put("state", breaker.state().label());
            status.put("instances_seen", instancesSeen);
            status.put("local_share", localShare());
            status.put("transitions", breaker.transitions());
            status.put("shared_reservations", sharedReservations.sum());
            status.put("local_decisions", localDecisions.sum());
            status.put("store_errors", storeErrors.sum());
        }
        return status;
    }

    /** The shared state's health as counters for metrics; empty when this instance keeps its own state. */
    public Map<String, Long> counters()
    {
        if (store == null) {
            return Map.of();
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("shared_state_up", breaker.state() == CircuitBreaker.State.CLOSED ? 1L : 0L);
        counters.put("shared_state_transitions", breaker.transitions());
        counters.put("shared_state_local_decisions", localDecisions.sum());
        counters.put("shared_state_errors", storeErrors.sum());
        return counters;
    }

    @Override
    public synchronized void close()
    {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
        if (store != null) {
            store.close();
        }
    }

    private static Reservation local(DeploymentRuntime deployment, int tokens, double share)
    {
        long minute = deployment.tryAttemptStarted(tokens, share);
        return minute == DeploymentRuntime.NO_ROOM ? null : new Reservation(deployment, minute, tokens, false);
    }
}
