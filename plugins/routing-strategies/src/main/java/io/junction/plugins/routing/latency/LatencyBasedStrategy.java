package io.junction.plugins.routing.latency;

import io.junction.plugins.routing.Headroom;
import io.junction.plugins.routing.LowestScorePick;
import io.junction.spi.ErrorKind;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * LiteLLM's {@code latency-based-routing}: the deployment that answers fastest, among those with rpm and tpm
 * headroom; with {@code lowest_latency_buffer}, a random one among those within {@code lowest * (1 + buffer)}.
 * <p>
 * What "fastest" means, per deployment ({@link DeploymentLatency}):
 * <ul>
 *     <li>streams compare time to first token; whole responses compare seconds per completion token when every
 *     deployment compared reports tokens (answers of different lengths then compare fairly), else seconds per
 *     response;</li>
 *     <li>each figure is a {@link io.junction.plugins.routing.DecayingAverage}: about the last
 *     {@code max_latency_list_size} samples under load, fading with time (a third of {@code ttl}) when quiet, and
 *     forgotten {@code ttl} after the newest sample;</li>
 *     <li>the average is divided by the recent success rate (the expected wait for a good answer), and a timeout
 *     also counts as a sample of the whole time it took.</li>
 * </ul>
 * Exploration, so that a deployment is neither starved nor flooded: one with no live samples gets at most one
 * request per {@code probe_interval} until it has some; one whose samples grew older than the interval because it
 * was out of the running gets at most one per interval, and only on {@value #EXPLORATION_SHARE} of the requests
 * that could probe it, so a quiet gateway does not spend its traffic exploring. When every deployment is unknown
 * and already probed, requests spread evenly.
 * <p>
 * Better than LiteLLM's: its list kept the oldest samples and replaced only the last, new deployments scored 0 and
 * took all traffic, the whole map expired at once after {@code ttl}, and only timeouts (not other failures) counted.
 * Lock-free: samples are compare-and-set, a choice reads them and allocates one small array.
 */
public final class LatencyBasedStrategy
        implements RoutingStrategy
{
    /** The chance that a request which could probe a stale deployment does so. */
    static final double EXPLORATION_SHARE = 0.05;

    private static final double NO_HEADROOM = -1;
    private static final double NANOS_PER_SECOND = 1e9;

    private final LatencySettings settings;
    private final RandomGenerator random;
    private final InstantSource clock;
    private final long probeIntervalMillis;
    private final ConcurrentMap<String, DeploymentLatency> deployments = new ConcurrentHashMap<>();

    public LatencyBasedStrategy(LatencySettings settings, RoutingContext context)
    {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.random = context.random();
        this.clock = context.clock();
        this.probeIntervalMillis = settings.probeInterval().toMillis();
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        long now = clock.millis();
        int size = candidates.size();
        LatencyFigure figure = figureFor(request, candidates, now);
        double[] scores = new double[size];
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            Candidate candidate = candidates.get(i);
            scores[i] = Headroom.allows(candidate, request) ? latencyOf(candidate.id()).score(figure, now) : NO_HEADROOM;
            if (scores[i] >= 0 && scores[i] < lowest) {
                lowest = scores[i];
            }
        }
        double reach = lowest * (1 + settings.lowestLatencyBuffer());

        LowestScorePick fastest = new LowestScorePick(random);
        LowestScorePick unknown = new LowestScorePick(random);
        LowestScorePick stale = new LowestScorePick(random);
        boolean anyHeadroom = false;
        for (int i = 0; i < size; i++) {
            double score = scores[i];
            if (score == NO_HEADROOM) {
                continue;
            }
            anyHeadroom = true;
            Candidate candidate = candidates.get(i);
            if (score <= reach) {
                fastest.offer(candidate, 0);
                continue;
            }
            // only an unknown or a slower deployment needs its state again: whether it is due a probe
            DeploymentLatency latency = latencyOf(candidate.id());
            if (Double.isNaN(score)) {
                if (latency.probeDue(now, probeIntervalMillis)) {
                    unknown.offer(candidate, 0);
                }
            }
            else if (latency.ageMillis(figure, now) >= probeIntervalMillis && latency.probeDue(now, probeIntervalMillis)) {
                stale.offer(candidate, 0);
            }
        }
        if (!anyHeadroom) {
            return Optional.empty();
        }
        Optional<Candidate> probe = probe(unknown, now);
        if (probe.isEmpty() && !stale.isEmpty() && random.nextDouble() < EXPLORATION_SHARE) {
            probe = probe(stale, now);
        }
        if (probe.isPresent()) {
            return probe;
        }
        if (!fastest.isEmpty()) {
            return fastest.result();
        }
        // nothing is known yet and every unknown deployment has its probe out: spread evenly until they answer
        return anyWithHeadroom(candidates, scores);
    }

    @Override
    public void onOutcome(AttemptOutcome outcome)
    {
        long now = clock.millis();
        DeploymentLatency latency = latencyOf(outcome.deploymentId());
        double seconds = seconds(outcome.latency());
        if (outcome.succeeded()) {
            latency.succeeded(outcome.stream(), seconds, seconds(outcome.timeToFirstToken()), outcome.completionTokens(), now);
            return;
        }
        ErrorKind kind = outcome.error().orElseThrow();
        if (blamesDeployment(kind)) {
            latency.failed(kind == ErrorKind.TIMEOUT, seconds, now);
        }
    }

    /** Whether a failure says something about the deployment, rather than about the request or the gateway. */
    static boolean blamesDeployment(ErrorKind kind)
    {
        return switch (kind) {
            case INVALID_REQUEST, CONTEXT_WINDOW_EXCEEDED, CONTENT_POLICY, REQUEST_TOO_LARGE, INTERNAL -> false;
            default -> true;
        };
    }

    private LatencyFigure figureFor(RouteRequest request, List<Candidate> candidates, long now)
    {
        if (request.stream()) {
            return LatencyFigure.FIRST_TOKEN;
        }
        boolean anyPerToken = false;
        for (int i = 0; i < candidates.size(); i++) {
            DeploymentLatency latency = deployments.get(candidates.get(i).id());
            if (latency == null || !latency.hasSamples(LatencyFigure.WHOLE_RESPONSE, now)) {
                continue;
            }
            if (!latency.hasSamples(LatencyFigure.SECONDS_PER_TOKEN, now)) {
                // seconds per token and seconds per response cannot be compared with each other
                return LatencyFigure.WHOLE_RESPONSE;
            }
            anyPerToken = true;
        }
        return anyPerToken ? LatencyFigure.SECONDS_PER_TOKEN : LatencyFigure.WHOLE_RESPONSE;
    }

    private Optional<Candidate> probe(LowestScorePick pick, long now)
    {
        Optional<Candidate> candidate = pick.result();
        if (candidate.isPresent() && latencyOf(candidate.get().id()).claimProbe(now, probeIntervalMillis)) {
            return candidate;
        }
        return Optional.empty();
    }

    private Optional<Candidate> anyWithHeadroom(List<Candidate> candidates, double[] scores)
    {
        LowestScorePick any = new LowestScorePick(random);
        for (int i = 0; i < candidates.size(); i++) {
            if (scores[i] != NO_HEADROOM) {
                any.offer(candidates.get(i), 0);
            }
        }
        return any.result();
    }

    private DeploymentLatency latencyOf(String deploymentId)
    {
        DeploymentLatency latency = deployments.get(deploymentId);
        return latency != null ? latency : deployments.computeIfAbsent(deploymentId, id -> new DeploymentLatency(settings));
    }

    private static double seconds(Duration duration)
    {
        return duration.toNanos() / NANOS_PER_SECOND;
    }
}
