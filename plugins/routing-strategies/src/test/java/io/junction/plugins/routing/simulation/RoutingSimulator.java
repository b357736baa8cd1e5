package io.junction.plugins.routing.simulation;

import io.junction.plugins.routing.RoutingStrategiesPlugin;
import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.kit.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic discrete-event simulation of the kernel around a routing strategy: it builds the candidates with
 * live loads as the kernel does (in flight; requests and tokens this UTC minute, the prompt estimate reserved at
 * attempt start and settled with real usage after), lets the strategy choose among every healthy deployment (it
 * does not leave out those without headroom itself, so each strategy's own quota checks are what is compared), plays the deployment's latency and
 * failures on a virtual clock, reports each outcome back, and retries retryable failures on another deployment.
 * Single-threaded; the strategy's randomness is a seeded generator and its clock the virtual one.
 */
final class RoutingSimulator
{
    /** Attempts that time out are cut off here, as a deployment's {@code timeout} would. */
    static final long TIMEOUT_MILLIS = 30_000;
    private static final long SERVER_ERROR_MILLIS = 200;
    private static final long RATE_LIMITED_MILLIS = 30;
    private static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z, a minute boundary

    private final List<SimulatedDeployment> deployments;
    private final Optional<SimulatedDeployment> degrading;
    private final int numRetries;
    private final long strategySeed;

    RoutingSimulator(List<SimulatedDeployment> deployments, int numRetries, long strategySeed)
    {
        this.deployments = List.copyOf(deployments);
        this.degrading = this.deployments.stream().filter(deployment -> deployment.degradation().isPresent()).findFirst();
        this.numRetries = numRetries;
        this.strategySeed = strategySeed;
    }

    /** A strategy by its {@code routing_strategy} name, with these {@code router_settings}. */
    record StrategyUnderTest(String label, String name, Map<String, Object> routerSettings) {}

    StrategyResult run(StrategyUnderTest underTest, List<SimulatedRequest> trace)
    {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(START_MILLIS));
        RoutingStrategy strategy = factory(underTest.name())
                .create(new ConfigView("router_settings", underTest.routerSettings()), new RoutingContext(new SplittableRandom(strategySeed), clock));
        return new Run(underTest.label(), strategy, clock).play(trace);
    }

    private static RoutingStrategyFactory factory(String name)
    {
        return new RoutingStrategiesPlugin().routingStrategyFactories().stream()
                .filter(factory -> factory.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no routing strategy named " + name));
    }

    /** The live figures of one deployment, as the kernel keeps them. */
    private static final class Live
    {
        final SimulatedDeployment deployment;
        final Deployment asConfigured;
        int inFlight;
        long minute = Long.MIN_VALUE;
        long requests;
        long tokens;
        int attempts;

        Live(SimulatedDeployment deployment)
        {
            this.deployment = deployment;
            this.asConfigured = deployment.toDeployment();
        }

        void roll(long currentMinute)
        {
            if (minute != currentMinute) {
                minute = currentMinute;
                requests = 0;
                tokens = 0;
            }
        }
    }

    private record Attempt(SimulatedRequest request, int index, Set<String> tried, Live live, long startMillis, long startMinute,
            Optional<ErrorKind> error, long latencyMillis, long firstTokenMillis) {}

    private record Event(long atMillis, long sequence, SimulatedRequest arrival, Attempt finished) {}

    private final class Run
    {
        private final String label;
        private final RoutingStrategy strategy;
        private final ManualClock clock;
        private final List<Live> live = new ArrayList<>();
        private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.atMillis != b.atMillis
                ? Long.compare(a.atMillis, b.atMillis) : Long.compare(a.sequence, b.sequence));
        private long sequence;
        private final List<Long> firstTokenLatencies = new ArrayList<>();
        private final List<Long> wholeLatencies = new ArrayList<>();
        private int served;
        private int noHeadroom;
        private int failed;
        private double cost;
        private int overLimit;
        private int upstreamRateLimited;
        private int attemptsWhileDegraded;
        private int attemptsOnDegradedWhileDegraded;

        Run(String label, RoutingStrategy strategy, ManualClock clock)
        {
            this.label = label;
            this.strategy = strategy;
            this.clock = clock;
            for (SimulatedDeployment deployment : deployments) {
                live.add(new Live(deployment));
            }
        }

        StrategyResult play(List<SimulatedRequest> trace)
        {
            for (SimulatedRequest request : trace) {
                events.add(new Event(START_MILLIS + request.arrivalMillis(), sequence++, request, null));
            }
            while (!events.isEmpty()) {
                Event event = events.poll();
                clock.advance(Duration.ofMillis(event.atMillis - clock.millis()));
                if (event.arrival != null) {
                    attempt(event.arrival, 0, new HashSet<>());
                }
                else {
                    finish(event.finished);
                }
            }
            return result(trace.size());
        }

        private void attempt(SimulatedRequest request, int index, Set<String> tried)
        {
            long now = clock.millis();
            long minute = now / 60_000;
            RouteRequest routeRequest = new RouteRequest(SimulatedDeployment.GROUP, Endpoint.CHAT_COMPLETIONS, request.stream(), request.estimatedPromptTokens());
            List<Live> eligible = new ArrayList<>();
            for (Live deployment : live) {
                if (!tried.contains(deployment.deployment.id())) {
                    eligible.add(deployment);
                }
            }
            if (eligible.isEmpty()) {
                // as the kernel: once every deployment was tried, any may be tried again
                eligible.addAll(live);
            }
            List<Candidate> candidates = new ArrayList<>(eligible.size());
            for (Live deployment : eligible) {
                deployment.roll(minute);
                candidates.add(new Candidate(deployment.asConfigured, new DeploymentLoad(deployment.inFlight, deployment.requests, deployment.tokens)));
            }
            Optional<Candidate> choice = strategy.select(routeRequest, candidates);
            if (choice.isEmpty()) {
                if (index == 0) {
                    noHeadroom++;
                }
                else {
                    failed++;
                }
                return;
            }
            Live chosen = eligible.get(candidates.indexOf(choice.get()));
            start(request, index, tried, chosen, now, minute);
        }

        private void start(SimulatedRequest request, int index, Set<String> tried, Live chosen, long now, long minute)
        {
            SimulatedDeployment deployment = chosen.deployment;
            boolean overRpm = deployment.rpm().isPresent() && chosen.requests + 1 > deployment.rpm().getAsLong();
            boolean overTpm = deployment.tpm().isPresent() && chosen.tokens + request.estimatedPromptTokens() > deployment.tpm().getAsLong();
            if (overRpm || overTpm) {
                overLimit++;
            }
            chosen.inFlight++;
            chosen.requests++;
            chosen.tokens += request.estimatedPromptTokens();
            chosen.attempts++;
            long elapsed = now - START_MILLIS;
            if (degrading.isPresent() && degrading.get().degradedAt(elapsed)) {
                attemptsWhileDegraded++;
                if (degrading.get() == deployment) {
                    attemptsOnDegradedWhileDegraded++;
                }
            }
            Attempt attempt = play(request, index, tried, chosen, now, minute, elapsed);
            events.add(new Event(now + attempt.latencyMillis(), sequence++, null, attempt));
        }

        /** How the deployment answers this attempt: the provider's own quota first, then failures, then latency. */
        private Attempt play(SimulatedRequest request, int index, Set<String> tried, Live chosen, long now, long minute, long elapsed)
        {
            SimulatedDeployment deployment = chosen.deployment;
            // the provider counts real usage: requests, and prompt tokens as they arrive
            boolean providerOverQuota = deployment.rpm().isPresent() && chosen.requests > deployment.rpm().getAsLong()
                    || deployment.tpm().isPresent() && chosen.tokens - request.estimatedPromptTokens() + request.promptTokens() > deployment.tpm().getAsLong();
            if (providerOverQuota) {
                upstreamRateLimited++;
                return new Attempt(request, index, tried, chosen, now, minute, Optional.of(ErrorKind.RATE_LIMITED), RATE_LIMITED_MILLIS, RATE_LIMITED_MILLIS);
            }
            Optional<SimulatedDeployment.Degradation> degradation = deployment.degradedAt(elapsed) ? deployment.degradation() : Optional.empty();
            double slowdown = degradation.map(SimulatedDeployment.Degradation::slowdown).orElse(1.0);
            double load = 1 + Math.max(0, chosen.inFlight - deployment.capacity()) / (double) deployment.capacity();
            double noise = Math.exp(deployment.sigma() * request.noise()[index]);
            long firstToken = Math.max(1, Math.round(deployment.firstTokenMillis() * noise * load * slowdown));
            long whole = firstToken + Math.round(request.completionTokens() * deployment.millisPerToken() * noise * load * slowdown);

            double roll = request.roll()[index];
            double timeouts = degradation.map(active -> active.failureRate() * active.timeoutShare()).orElse(0.0);
            double failures = deployment.failureRate() + degradation.map(SimulatedDeployment.Degradation::failureRate).orElse(0.0);
            if (roll < timeouts) {
                return new Attempt(request, index, tried, chosen, now, minute, Optional.of(ErrorKind.TIMEOUT), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            }
            if (roll < failures) {
                long quick = Math.round(SERVER_ERROR_MILLIS * load);
                return new Attempt(request, index, tried, chosen, now, minute, Optional.of(ErrorKind.UPSTREAM_SERVER), quick, quick);
            }
            if (whole > TIMEOUT_MILLIS) {
                return new Attempt(request, index, tried, chosen, now, minute, Optional.of(ErrorKind.TIMEOUT), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            }
            return new Attempt(request, index, tried, chosen, now, minute, Optional.empty(), whole, request.stream() ? firstToken : whole);
        }

        private void finish(Attempt attempt)
        {
            long now = clock.millis();
            Live deployment = attempt.live();
            SimulatedRequest request = attempt.request();
            deployment.inFlight--;
            boolean succeeded = attempt.error().isEmpty();
            if (succeeded && now / 60_000 == attempt.startMinute()) {
                // the kernel settles a reservation only in the minute it was made
                deployment.roll(now / 60_000);
                deployment.tokens += request.promptTokens() + request.completionTokens() - request.estimatedPromptTokens();
            }
            else if (succeeded) {
                deployment.roll(now / 60_000);
                deployment.tokens += request.promptTokens() + request.completionTokens();
            }
            strategy.onOutcome(new AttemptOutcome(deployment.deployment.id(), SimulatedDeployment.GROUP, attempt.error(),
                    Duration.ofMillis(attempt.latencyMillis()), Duration.ofMillis(attempt.firstTokenMillis()),
                    succeeded ? request.promptTokens() : 0, succeeded ? request.completionTokens() : 0));
            if (succeeded) {
                served++;
                long arrival = START_MILLIS + request.arrivalMillis();
                if (request.stream()) {
                    firstTokenLatencies.add(attempt.startMillis() + attempt.firstTokenMillis() - arrival);
                }
                else {
                    wholeLatencies.add(now - arrival);
                }
                cost += deployment.deployment.truePrice().cost(request.promptTokens(), request.completionTokens());
                return;
            }
            if (attempt.error().get().retryable() && attempt.index() < numRetries) {
                attempt.tried().add(deployment.deployment.id());
                attempt(request, attempt.index() + 1, attempt.tried());
                return;
            }
            failed++;
        }

        private StrategyResult result(int requests)
        {
            int attempts = live.stream().mapToInt(deployment -> deployment.attempts).sum();
            Map<String, Double> share = new LinkedHashMap<>();
            for (Live deployment : live) {
                share.put(deployment.deployment.id(), attempts == 0 ? 0 : deployment.attempts / (double) attempts);
            }
            return new StrategyResult(label, requests, served, noHeadroom, failed, percentiles(firstTokenLatencies), percentiles(wholeLatencies), cost,
                    overLimit, upstreamRateLimited, share,
                    attemptsWhileDegraded == 0 ? 0 : attemptsOnDegradedWhileDegraded / (double) attemptsWhileDegraded);
        }
    }

    static StrategyResult.Percentiles percentiles(List<Long> latencies)
    {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new StrategyResult.Percentiles(percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    static long percentile(long[] sorted, double quantile)
    {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
