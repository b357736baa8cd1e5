package io.junction.tck.routing;

import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.DeploymentLoad;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.kit.Concurrently;
import io.junction.tck.kit.ConfigRefusals;
import io.junction.tck.kit.ExtensionNames;
import io.junction.tck.kit.InvalidSetting;
import io.junction.tck.kit.ManualClock;
import io.junction.tck.kit.RuleMessages;
import io.junction.tck.kit.SeededRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of a routing strategy. A plugin's test extends this class, supplies its factory and declares its
 * {@link RoutingCapability}s:
 * <pre>{@code
 * class LeastBusyContractTest extends RoutingStrategyContract
 * {
 *     protected RoutingStrategyFactory factory() { return new LeastBusyFactory(); }
 *     protected Set<RoutingCapability> capabilities() { return EnumSet.of(RoutingCapability.FAIR); }
 * }
 * }</pre>
 * The kit hands the strategy a {@link RoutingContext} with a seeded generator and a hand-moved clock, so every rule
 * is reproducible. Each rule's number, requirement and what to look at when it fails are listed in the TCK's README.
 */
@ExtendWith(RuleMessages.class)
public abstract class RoutingStrategyContract
{
    public static final String SETTINGS_PATH = "router_settings";

    private static final long SEED = 20_261_121L;
    private static final RouteRequest SMALL_REQUEST = new RouteRequest(Candidates.MODEL_GROUP, Endpoint.CHAT_COMPLETIONS, false, 10);

    // --- what the plugin's test supplies

    /** The factory under test, as the plugin's entry class returns it. */
    protected abstract RoutingStrategyFactory factory();

    /** What the strategy claims; rules of capabilities not declared are aborted. None by default. */
    protected Set<RoutingCapability> capabilities()
    {
        return EnumSet.noneOf(RoutingCapability.class);
    }

    /** {@code router_settings} the strategy is created with; by default just its own name as routing_strategy. */
    protected Map<String, Object> settings()
    {
        return Map.of("routing_strategy", factory().name());
    }

    /** Settings the factory must refuse with a ConfigException naming them (rule R12); none by default. */
    protected List<InvalidSetting> invalidSettings()
    {
        return List.of();
    }

    // --- rules

    @Test
    void rule_R1_factoryIsWellFormed()
    {
        RoutingStrategyFactory factory = factory();

        assertTrue(ExtensionNames.wellFormed(factory.name()), "R1: name() must be " + ExtensionNames.requirement() + ", but was '" + factory.name() + "'");
        assertTrue(factory.secretKeys() != null, "R1: secretKeys() must not be null");
        create("R1", SEED, new ManualClock());
    }

    @Test
    void rule_R2_toleratesEmptyAndSingleCandidateLists()
    {
        RoutingStrategy strategy = create("R2", SEED, new ManualClock());

        Optional<Candidate> fromNothing = strategy.select(SMALL_REQUEST, new ArrayList<>());
        assertEquals(Optional.empty(), fromNothing, "R2: select() from an empty list must answer Optional.empty()");

        Candidate only = Candidates.idle("only");
        for (int i = 0; i < 10; i++) {
            Optional<Candidate> choice = strategy.select(SMALL_REQUEST, new ArrayList<>(List.of(only)));
            assertTrue(choice != null && choice.isPresent() && choice.get().id().equals(only.id()),
                    "R2: the only candidate, idle and without quotas, must be chosen, but select() answered " + chosen(choice));
        }
    }

    @Test
    void rule_R3_neverSelectsACandidateOutsideTheList()
    {
        RoutingStrategy strategy = create("R3", SEED, new ManualClock());
        Traffic traffic = new Traffic(new SeededRandom(SEED + 1));

        for (int i = 0; i < 2_000; i++) {
            List<Candidate> candidates = traffic.candidates();
            RouteRequest request = traffic.request();
            Optional<Candidate> choice = strategy.select(request, new ArrayList<>(candidates));
            assertTrue(choice != null, "R3: select() must answer Optional.empty() rather than null (pick " + i + ")");
            if (choice.isPresent()) {
                Candidate chosen = choice.get();
                assertTrue(ids(candidates).contains(chosen.id()),
                        "R3: select() chose deployment '" + chosen.id() + "', which is not among the candidates " + ids(candidates) + " (pick " + i + ")");
                assertTrue(candidates.contains(chosen), "R3: select() returned a Candidate for '" + chosen.id() + "' that is not the list's own "
                        + "(a rebuilt copy with other figures?): return an element of the list (pick " + i + ")");
                strategy.onOutcome(traffic.outcome(chosen, request));
            }
        }
    }

    @Test
    void rule_R4_deterministicUnderAFixedSeedAndClock()
    {
        List<String> first = replay("R4");
        List<String> second = replay("R4");

        for (int i = 0; i < first.size(); i++) {
            int pick = i;
            assertEquals(first.get(i), second.get(i), () -> "R4: two strategies created with the same seed and clock, fed the same requests and outcomes, "
                    + "chose differently at pick " + pick + ": draw randomness only from RoutingContext.random() and time only from RoutingContext.clock()");
        }
    }

    @Test
    void rule_R5_threadSafeUnderConcurrentSelectAndOutcome()
    {
        ManualClock clock = new ManualClock();
        RoutingStrategy strategy = create("R5", SEED, clock);
        List<List<Candidate>> lists = List.of(
                List.of(Candidates.idle("a"), Candidates.idle("b"), Candidates.idle("c"), Candidates.idle("d")),
                List.of(Candidates.withQuota("q1", 1_000, 1_000_000, new DeploymentLoad(2, 10, 2_000)),
                        Candidates.withQuota("q2", 1_000, 1_000_000, new DeploymentLoad(0, 500, 10_000)),
                        Candidates.idle("a")),
                List.of(Candidates.weighted("w1", 1, new DeploymentLoad(3, 0, 0)), Candidates.weighted("w2", 3, DeploymentLoad.IDLE)));

        List<Throwable> failures = Concurrently.run(4, 2_000, (thread, iteration) -> {
            List<Candidate> candidates = lists.get((thread + iteration) % lists.size());
            Optional<Candidate> choice = strategy.select(SMALL_REQUEST, new ArrayList<>(candidates));
            if (choice == null || (choice.isPresent() && !ids(candidates).contains(choice.get().id()))) {
                throw new AssertionError("select() answered " + chosen(choice) + " for " + ids(candidates));
            }
            String id = choice.map(Candidate::id).orElse(candidates.getFirst().id());
            boolean failed = iteration % 7 == 0;
            strategy.onOutcome(outcome(id, failed ? Optional.of(ErrorKind.UPSTREAM_SERVER) : Optional.empty(), Duration.ofMillis(50 + iteration % 200)));
            if (thread == 0 && iteration % 100 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        });

        assertTrue(failures.isEmpty(), () -> "R5: " + failures.size() + " failures while 4 threads called select() and onOutcome() at once; the first: "
                + describe(failures.getFirst()) + ". Guard shared state (concurrent maps, atomics) or keep none");
    }

    @Test
    void rule_R6_outcomeForAnUnknownDeploymentDoesNotThrow()
    {
        RoutingStrategy strategy = create("R6", SEED, new ManualClock());

        strategy.onOutcome(new AttemptOutcome("tck-never-seen", "tck-other-group", Optional.empty(), Duration.ofMillis(80), Duration.ofMillis(20), 12, 5, true));
        for (ErrorKind kind : ErrorKind.values()) {
            strategy.onOutcome(new AttemptOutcome("tck-never-seen-" + kind, "tck-other-group", Optional.of(kind), Duration.ZERO, Duration.ZERO, 0, 0, false));
        }

        List<Candidate> candidates = List.of(Candidates.idle("a"), Candidates.idle("b"));
        Optional<Candidate> choice = strategy.select(SMALL_REQUEST, new ArrayList<>(candidates));
        assertTrue(choice != null && choice.isPresent() && ids(candidates).contains(choice.get().id()),
                "R6: after outcomes for deployments it never routed to, select() must still pick one of two idle candidates, but answered " + chosen(choice));
    }

    @Test
    void rule_R7_neverModifiesTheCandidateList()
    {
        RoutingStrategy strategy = create("R7", SEED, new ManualClock());
        List<Candidate> candidates = new ArrayList<>(List.of(
                Candidates.withQuota("d", 100, 100_000, new DeploymentLoad(3, 50, 0)),
                Candidates.idle("b"),
                Candidates.withQuota("a", 100, 100_000, new DeploymentLoad(1, 10, 0)),
                Candidates.idle("c")));
        List<Candidate> before = List.copyOf(candidates);

        for (int i = 0; i < 20; i++) {
            strategy.select(SMALL_REQUEST, candidates);
            assertEquals(before, candidates, "R7: select() changed the list it was given (sorted, filtered or shuffled it in place): work on a copy");
        }
        try {
            strategy.select(SMALL_REQUEST, Collections.unmodifiableList(before));
        }
        catch (UnsupportedOperationException e) {
            fail("R7: select() tried to modify an unmodifiable candidate list: work on a copy", e);
        }
    }

    @Test
    void rule_R8_respectsRpmHeadroom()
    {
        assumeDeclared("R8", RoutingCapability.RESPECTS_HEADROOM);
        RoutingStrategy strategy = create("R8", SEED, new ManualClock());
        Candidate full = Candidates.withQuota("full", 60, 1_000_000, new DeploymentLoad(0, 60, 0));
        Candidate open = Candidates.withQuota("open", 60, 1_000_000, new DeploymentLoad(0, 10, 0));

        for (int i = 0; i < 200; i++) {
            Optional<Candidate> choice = strategy.select(SMALL_REQUEST, new ArrayList<>(List.of(full, open)));
            assertTrue(choice != null && choice.isPresent() && choice.get().id().equals("open"),
                    "R8: 'full' has used its 60 rpm this minute and 'open' has headroom: 'open' must be chosen, but select() answered " + chosen(choice));
        }
        Candidate alsoFull = Candidates.withQuota("also-full", 10, 1_000_000, new DeploymentLoad(0, 11, 0));
        Optional<Candidate> none = strategy.select(SMALL_REQUEST, new ArrayList<>(List.of(full, alsoFull)));
        assertEquals(Optional.empty(), none, "R8: when no candidate has rpm headroom, select() must answer empty (the client gets a 429)");
    }

    @Test
    void rule_R9_respectsTpmHeadroom()
    {
        assumeDeclared("R9", RoutingCapability.RESPECTS_HEADROOM);
        RoutingStrategy strategy = create("R9", SEED, new ManualClock());
        RouteRequest request = new RouteRequest(Candidates.MODEL_GROUP, Endpoint.CHAT_COMPLETIONS, false, 100);
        Candidate full = Candidates.withQuota("full", 1_000, 10_000, new DeploymentLoad(0, 5, 9_950));
        Candidate open = Candidates.withQuota("open", 1_000, 10_000, new DeploymentLoad(0, 5, 1_000));

        for (int i = 0; i < 200; i++) {
            Optional<Candidate> choice = strategy.select(request, new ArrayList<>(List.of(full, open)));
            assertTrue(choice != null && choice.isPresent() && choice.get().id().equals("open"),
                    "R9: 'full' has 50 of its 10000 tpm left and the request needs about 100 tokens: 'open' must be chosen, but select() answered " + chosen(choice));
        }
        Candidate alsoFull = Candidates.withQuota("also-full", 1_000, 10_000, new DeploymentLoad(0, 5, 10_000));
        Optional<Candidate> none = strategy.select(request, new ArrayList<>(List.of(full, alsoFull)));
        assertEquals(Optional.empty(), none, "R9: when no candidate has tpm headroom for the request's estimated tokens, select() must answer empty");
    }

    @Test
    void rule_R10_doesNotStarveEqualCandidates()
    {
        assumeDeclared("R10", RoutingCapability.FAIR);
        ManualClock clock = new ManualClock();
        RoutingStrategy strategy = create("R10", SEED, clock);
        List<Candidate> candidates = List.of(Candidates.idle("a"), Candidates.idle("b"), Candidates.idle("c"), Candidates.idle("d"));
        int picks = 4_000;
        int floor = picks / (candidates.size() * 10);

        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            Optional<Candidate> choice = strategy.select(SMALL_REQUEST, new ArrayList<>(candidates));
            assertTrue(choice != null && choice.isPresent(), "R10: four idle candidates without quotas, yet select() answered " + chosen(choice));
            counts.merge(choice.get().id(), 1, Integer::sum);
            strategy.onOutcome(outcome(choice.get().id(), Optional.empty(), Duration.ofMillis(100)));
            clock.advance(Duration.ofMillis(10));
        }

        for (Candidate candidate : candidates) {
            int count = counts.getOrDefault(candidate.id(), 0);
            assertTrue(count >= floor, "R10: over " + picks + " picks among 4 equal, idle, healthy candidates, '" + candidate.id() + "' got " + count
                    + " (at least " + floor + " expected): " + counts + ". Break ties with RoutingContext.random(), not by list order");
        }
    }

    @Test
    void rule_R11_learnsFromOutcomes()
    {
        assumeDeclared("R11", RoutingCapability.LEARNS_FROM_OUTCOMES);
        ManualClock clock = new ManualClock();
        RoutingStrategy strategy = create("R11", SEED, clock);
        List<Candidate> candidates = List.of(Candidates.idle("failing"), Candidates.idle("healthy"));

        // as in the gateway: every attempt the strategy routes is reported back; 'failing' always fails, slowly
        routeAndReport(strategy, clock, candidates, 100);
        Map<String, Integer> counts = routeAndReport(strategy, clock, candidates, 1_000);

        int healthy = counts.getOrDefault("healthy", 0);
        assertTrue(healthy >= 600, "R11: 'failing' fails every attempt after 5 s and 'healthy' answers every one in 100 ms, yet after 100 reported attempts "
                + "'healthy' got only " + healthy + " of the next 1000 picks (at least 600 expected): " + counts
                + ". onOutcome() must shift traffic away from a failing deployment");
    }

    /** Routes {@code picks} requests, reporting each routed attempt's outcome; the picks per deployment. */
    private static Map<String, Integer> routeAndReport(RoutingStrategy strategy, ManualClock clock, List<Candidate> candidates, int picks)
    {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            Optional<Candidate> choice = strategy.select(SMALL_REQUEST, new ArrayList<>(candidates));
            if (choice != null && choice.isPresent()) {
                String id = choice.get().id();
                counts.merge(id, 1, Integer::sum);
                boolean failing = id.equals("failing");
                strategy.onOutcome(outcome(id, failing ? Optional.of(ErrorKind.UNAVAILABLE) : Optional.empty(),
                        failing ? Duration.ofSeconds(5) : Duration.ofMillis(100)));
            }
            clock.advance(Duration.ofMillis(100));
        }
        return counts;
    }

    @Test
    void rule_R12_rejectsBadSettingsWithAConfigException()
    {
        ConfigRefusals.assertEachRefused("R12", SETTINGS_PATH, settings(), invalidSettings(),
                section -> factory().create(section, new RoutingContext(new SeededRandom(SEED), new ManualClock())));
    }

    // --- helpers

    private void assumeDeclared(String rule, RoutingCapability capability)
    {
        Assumptions.assumeTrue(capabilities().contains(capability), () -> rule + " does not apply: " + capability + " is not declared");
    }

    private RoutingStrategy create(String rule, long seed, ManualClock clock)
    {
        RoutingStrategy strategy = factory().create(new ConfigView(SETTINGS_PATH, settings()), new RoutingContext(new SeededRandom(seed), clock));
        assertTrue(strategy != null, rule + ": the factory's create() returned null");
        return strategy;
    }

    /** The choices (ids, "-" for none) of a fresh strategy over a fixed script of traffic, outcomes and time. */
    private List<String> replay(String rule)
    {
        ManualClock clock = new ManualClock();
        RoutingStrategy strategy = create(rule, SEED, clock);
        Traffic traffic = new Traffic(new SeededRandom(SEED + 2));
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            List<Candidate> candidates = traffic.candidates();
            RouteRequest request = traffic.request();
            Optional<Candidate> choice = strategy.select(request, new ArrayList<>(candidates));
            choices.add(choice == null ? "null" : choice.map(Candidate::id).orElse("-"));
            if (choice != null && choice.isPresent()) {
                strategy.onOutcome(traffic.outcome(choice.get(), request));
            }
            clock.advance(traffic.pause());
        }
        return choices;
    }

    private static AttemptOutcome outcome(String id, Optional<ErrorKind> error, Duration latency)
    {
        return new AttemptOutcome(id, Candidates.MODEL_GROUP, error, latency, latency, 10, error.isPresent() ? 0 : 20, false);
    }

    /** A choice as a message shows it: the deployment's id, not the whole record. */
    private static String chosen(Optional<Candidate> choice)
    {
        return choice == null ? "null" : choice.map(candidate -> "'" + candidate.id() + "'").orElse("empty");
    }

    private static List<String> ids(List<Candidate> candidates)
    {
        return candidates.stream().map(Candidate::id).toList();
    }

    private static String describe(Throwable failure)
    {
        return failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /**
     * Varied, reproducible traffic from its own generator (never the strategy's): lists of one to six candidates,
     * some with quotas nearly used, some weighted, requests of all sizes, and attempts that fail now and then.
     */
    private static final class Traffic
    {
        private static final String[] IDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
        private static final ErrorKind[] ERRORS = {ErrorKind.RATE_LIMITED, ErrorKind.TIMEOUT, ErrorKind.UPSTREAM_SERVER, ErrorKind.UNAVAILABLE};

        private final RandomGenerator random;

        Traffic(RandomGenerator random)
        {
            this.random = random;
        }

        List<Candidate> candidates()
        {
            int size = 1 + random.nextInt(6);
            int first = random.nextInt(IDS.length);
            List<Candidate> candidates = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String id = IDS[(first + i) % IDS.length];
                candidates.add(switch (random.nextInt(3)) {
                    case 0 -> Candidates.idle(id);
                    case 1 -> Candidates.withQuota(id, 100, 100_000,
                            new DeploymentLoad(random.nextInt(5), random.nextInt(101), random.nextInt(100_001)));
                    default -> Candidates.weighted(id, 0.5 + random.nextInt(5), new DeploymentLoad(random.nextInt(5), 0, 0));
                });
            }
            return candidates;
        }

        RouteRequest request()
        {
            return new RouteRequest(Candidates.MODEL_GROUP, Endpoint.CHAT_COMPLETIONS, random.nextBoolean(), random.nextInt(4_000));
        }

        AttemptOutcome outcome(Candidate chosen, RouteRequest request)
        {
            Optional<ErrorKind> error = random.nextInt(5) == 0 ? Optional.of(ERRORS[random.nextInt(ERRORS.length)]) : Optional.empty();
            Duration latency = Duration.ofMillis(20 + random.nextInt(3_000));
            Duration firstToken = request.stream() ? latency.dividedBy(4) : latency;
            return new AttemptOutcome(chosen.id(), Candidates.MODEL_GROUP, error, latency, firstToken, random.nextInt(2_000), random.nextInt(500),
                    request.stream());
        }

        Duration pause()
        {
            return Duration.ofMillis(random.nextInt(2_000));
        }
    }
}
