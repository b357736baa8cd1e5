package io.junction.tck.routing;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A least-busy routing strategy written to pass the routing kit: only deployments with rpm and tpm headroom, not
 * cooling down after a failure (unless all are), the fewest requests in flight, ties broken at random. Each
 * {@link Fault} breaks exactly one rule, for the kit's tests of itself.
 */
final class ReferenceRouting
{
    static final String NAME = "tck-least-busy";
    static final String COOLDOWN = "routing_strategy_args.cooldown_seconds";

    private ReferenceRouting() {}

    enum Fault
    {
        NONE,
        /** R1 */ NAME_NOT_WELL_FORMED,
        /** R2 */ EMPTY_LIST_THROWS,
        /** R3 */ REBUILDS_THE_CANDIDATE,
        /** R4 */ OWN_RANDOMNESS,
        /** R5 */ UNGUARDED_SHARED_STATE,
        /** R6 */ UNKNOWN_OUTCOME_THROWS,
        /** R7 */ SORTS_THE_LIST_IN_PLACE,
        /** R8 */ IGNORES_RPM,
        /** R9 */ IGNORES_TPM,
        /** R10 */ TIES_GO_TO_THE_FIRST,
        /** R11 */ IGNORES_OUTCOMES,
        /** R12 */ ACCEPTS_A_ZERO_COOLDOWN
    }

    static final class Factory
            implements RoutingStrategyFactory
    {
        private final Fault fault;

        Factory(Fault fault)
        {
            this.fault = fault;
        }

        @Override
        public String name()
        {
            return fault == Fault.NAME_NOT_WELL_FORMED ? "Least Busy" : NAME;
        }

        @Override
        public RoutingStrategy create(ConfigView settings, RoutingContext context)
        {
            Duration cooldown = settings.section("routing_strategy_args").flatMap(args -> args.seconds("cooldown_seconds")).orElse(Duration.ofSeconds(30));
            if (cooldown.isZero() && fault != Fault.ACCEPTS_A_ZERO_COOLDOWN) {
                throw new ConfigException(settings.keyPath(COOLDOWN), "must be more than 0 seconds. Fix: remove it for the default of 30.");
            }
            return new Strategy(fault, cooldown, context.random(), context.clock());
        }
    }

    private static final class Strategy
            implements RoutingStrategy
    {
        private final Fault fault;
        private final Duration cooldown;
        private final RandomGenerator random;
        private final InstantSource clock;
        private final Map<String, Instant> lastFailures = new ConcurrentHashMap<>();
        private final Set<String> routed = ConcurrentHashMap.newKeySet();
        // the racy variant's memory of recent outcomes
        private final List<String> recent = new ArrayList<>();

        Strategy(Fault fault, Duration cooldown, RandomGenerator random, InstantSource clock)
        {
            this.fault = fault;
            this.cooldown = cooldown;
            this.random = random;
            this.clock = clock;
        }

        @Override
        public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
        {
            if (fault == Fault.EMPTY_LIST_THROWS) {
                candidates.getFirst();
            }
            if (fault == Fault.SORTS_THE_LIST_IN_PLACE) {
                candidates.sort(Comparator.comparing(Candidate::id).reversed());
            }
            List<Candidate> open = candidates.stream().filter(candidate -> hasHeadroom(candidate, request)).toList();
            if (open.isEmpty()) {
                return Optional.empty();
            }
            List<Candidate> healthy = open.stream().filter(candidate -> !coolingDown(candidate.id())).toList();
            List<Candidate> pool = healthy.isEmpty() ? open : healthy;
            int fewest = pool.stream().mapToInt(candidate -> candidate.load().inFlight()).min().orElseThrow();
            List<Candidate> ties = pool.stream().filter(candidate -> candidate.load().inFlight() == fewest).toList();
            if (fault == Fault.UNGUARDED_SHARED_STATE) {
                ties = withFewestRecentOutcomes(ties);
            }
            Candidate chosen = ties.get(tieBreak(ties.size()));
            routed.add(chosen.id());
            if (fault == Fault.REBUILDS_THE_CANDIDATE) {
                return Optional.of(new Candidate(chosen.deployment(), new DeploymentLoad(chosen.load().inFlight() + 1,
                        chosen.load().requestsThisMinute(), chosen.load().tokensThisMinute())));
            }
            return Optional.of(chosen);
        }

        /** The racy variant: reads a plain list that onOutcome() writes from other threads. */
        private List<Candidate> withFewestRecentOutcomes(List<Candidate> open)
        {
            Map<String, Integer> counts = new HashMap<>();
            for (String id : recent) {
                counts.merge(id, 1, Integer::sum);
            }
            int fewest = open.stream().mapToInt(candidate -> counts.getOrDefault(candidate.id(), 0)).min().orElse(0);
            return open.stream().filter(candidate -> counts.getOrDefault(candidate.id(), 0) == fewest).toList();
        }

        private int tieBreak(int ties)
        {
            return switch (fault) {
                case TIES_GO_TO_THE_FIRST -> 0;
                case OWN_RANDOMNESS -> ThreadLocalRandom.current().nextInt(ties);
                default -> random.nextInt(ties);
            };
        }

        private boolean hasHeadroom(Candidate candidate, RouteRequest request)
        {
            Deployment deployment = candidate.deployment();
            boolean rpmOk = fault == Fault.IGNORES_RPM || deployment.rpm().isEmpty()
                    || candidate.load().requestsThisMinute() < deployment.rpm().getAsLong();
            boolean tpmOk = fault == Fault.IGNORES_TPM || deployment.tpm().isEmpty()
                    || candidate.load().tokensThisMinute() + request.estimatedPromptTokens() <= deployment.tpm().getAsLong();
            return rpmOk && tpmOk;
        }

        private boolean coolingDown(String id)
        {
            Instant failed = lastFailures.get(id);
            return failed != null && clock.instant().isBefore(failed.plus(cooldown));
        }

        @Override
        public void onOutcome(AttemptOutcome outcome)
        {
            if (fault == Fault.UNKNOWN_OUTCOME_THROWS && !routed.contains(outcome.deploymentId())) {
                throw new IllegalStateException("no deployment " + outcome.deploymentId() + " was routed to");
            }
            if (fault == Fault.UNGUARDED_SHARED_STATE) {
                recent.add(outcome.deploymentId());
                if (recent.size() > 1_024) {
                    recent.removeFirst();
                }
            }
            if (fault == Fault.IGNORES_OUTCOMES) {
                return;
            }
            if (outcome.succeeded()) {
                lastFailures.remove(outcome.deploymentId());
            }
            else {
                lastFailures.put(outcome.deploymentId(), clock.instant());
            }
        }
    }
}
