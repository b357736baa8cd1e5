package com.example.routing;

import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Sends each request to the cheapest deployment that can take it: among the candidates with rpm and tpm headroom
 * for the request, those not cooling down after a failed attempt (unless all are), the lowest price for the request's
 * estimated tokens; equal prices share the traffic at random. A deployment without a configured price counts as the
 * most expensive.
 * <p>
 * Thread-safe: the only state is the time of each deployment's last failure, in a concurrent map. Randomness and time
 * come from the {@code RoutingContext}, so a pick is reproducible under a fixed seed and clock.
 */
public final class PreferCheapestHealthyStrategy
        implements RoutingStrategy
{
    private final Duration failureCooldown;
    private final RandomGenerator random;
    private final InstantSource clock;
    private final Map<String, Instant> lastFailures = new ConcurrentHashMap<>();

    public PreferCheapestHealthyStrategy(Duration failureCooldown, RandomGenerator random, InstantSource clock)
    {
        this.failureCooldown = failureCooldown;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        // never sort or filter the kernel's list in place: build our own
        List<Candidate> open = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (hasHeadroom(candidate, request)) {
                open.add(candidate);
            }
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Candidate> healthy = new ArrayList<>(open.size());
        for (Candidate candidate : open) {
            if (!coolingDown(candidate.id(), now)) {
                healthy.add(candidate);
            }
        }
        List<Candidate> pool = healthy.isEmpty() ? open : healthy;

        double cheapest = Double.POSITIVE_INFINITY;
        List<Candidate> cheapestCandidates = new ArrayList<>();
        for (Candidate candidate : pool) {
            double price = price(candidate.deployment(), request);
            if (price < cheapest) {
                cheapest = price;
                cheapestCandidates.clear();
            }
            if (price == cheapest) {
                cheapestCandidates.add(candidate);
            }
        }
        return Optional.of(cheapestCandidates.get(random.nextInt(cheapestCandidates.size())));
    }

    @Override
    public void onOutcome(AttemptOutcome outcome)
    {
        // outcomes of deployments never seen are normal (another strategy routed them before a reload): just record
        if (outcome.succeeded()) {
            lastFailures.remove(outcome.deploymentId());
        }
        else {
            lastFailures.put(outcome.deploymentId(), clock.instant());
        }
    }

    private boolean coolingDown(String deploymentId, Instant now)
    {
        Instant failed = lastFailures.get(deploymentId);
        return failed != null && now.isBefore(failed.plus(failureCooldown));
    }

    private static boolean hasHeadroom(Candidate candidate, RouteRequest request)
    {
        Deployment deployment = candidate.deployment();
        if (deployment.rpm().isPresent() && candidate.load().requestsThisMinute() >= deployment.rpm().getAsLong()) {
            return false;
        }
        return deployment.tpm().isEmpty()
                || candidate.load().tokensThisMinute() + request.estimatedPromptTokens() <= deployment.tpm().getAsLong();
    }

    /** The price of the request's prompt; unpriced deployments are the most expensive, and all equally so. */
    private static double price(Deployment deployment, RouteRequest request)
    {
        if (deployment.inputCostPerToken().isEmpty()) {
            return Double.MAX_VALUE;
        }
        return deployment.inputCostPerToken().getAsDouble() * Math.max(1, request.estimatedPromptTokens());
    }
}
