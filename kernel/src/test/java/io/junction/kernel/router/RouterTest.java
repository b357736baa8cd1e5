package io.junction.kernel.router;

import io.junction.kernel.config.CooldownSettings;
import io.junction.kernel.config.FallbackSettings;
import io.junction.kernel.config.RetrySettings;
import io.junction.kernel.config.RouterSettings;
import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The router's loop without HTTP: attempts are scripted, time is a test clock and waits are recorded, not slept. */
class RouterTest
{
    private final TestClock clock = new TestClock("2026-11-22T10:00:10Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    /** What each deployment does, per call: null answers, an error kind fails. */
    private final Map<String, List<ErrorKind>> script = new HashMap<>();
    private final Map<String, Duration> retryAfter = new HashMap<>();

    @Test
    void aRetryGoesToAnotherHealthyDeploymentAtOnce()
    {
        Router router = router(settings(1), group("chat", "a", "b"));
        fails("a", ErrorKind.UNAVAILABLE);

        RouteTrace trace = route(router, "chat");

        assertEquals(List.of("a", "b"), calls);
        assertEquals(2, trace.attempts());
        assertEquals(1, trace.retries());
        assertEquals(List.of(), sleeps, "another healthy deployment was left: no backoff");
    }

    @Test
    void backsOffWithJitterOnlyWhenNoOtherDeploymentIsLeft()
    {
        Router router = router(settings(2), group("solo", "only"));
        fails("only", ErrorKind.UNAVAILABLE, ErrorKind.UPSTREAM_SERVER);

        route(router, "solo");

        assertEquals(List.of("only", "only", "only"), calls);
        assertEquals(2, sleeps.size());
        assertBetween(Duration.ofMillis(375), Duration.ofMillis(500), sleeps.get(0));
        assertBetween(Duration.ofMillis(750), Duration.ofMillis(1000), sleeps.get(1));
    }

    @Test
    void honoursRetryAfterAndGivesUpWhenItIsLongerThanTheCap()
    {
        Router router = router(settings(2), group("solo", "only"));
        fails("only", ErrorKind.RATE_LIMITED);
        retryAfter.put("only", Duration.ofSeconds(3));

        route(router, "solo");
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);

        calls.clear();
        sleeps.clear();
        fails("only", ErrorKind.RATE_LIMITED);
        retryAfter.put("only", Duration.ofSeconds(30));
        ProviderException error = assertThrows(ProviderException.class, () -> route(router, "solo"));

        assertEquals(ErrorKind.RATE_LIMITED, error.kind());
        assertEquals(Optional.of(Duration.ofSeconds(30)), error.retryAfter(), "the client learns how long to wait");
        assertEquals(List.of("only"), calls);
        assertEquals(List.of(), sleeps);
        assertEquals(1L, router.counters().snapshot().get("retry_after_too_long"));
    }

    @Test
    void anErrorAnotherAttemptCannotFixIsNotRetried()
    {
        Router router = router(settings(3), group("chat", "a", "b"));
        fails("a", ErrorKind.INVALID_REQUEST);

        ProviderException error = assertThrows(ProviderException.class, () -> route(router, "chat"));

        assertEquals(ErrorKind.INVALID_REQUEST, error.kind());
        assertEquals(List.of("a"), calls);
    }

    @Test
    void theRetryBudgetCapsRetriesAndCountsWhenItRunsOut()
    {
        // no share of first attempts and one retry per 10 s: a single retry in the window
        RouterSettings settings = settings(3, new RetrySettings(Duration.ZERO, Duration.ofSeconds(8), 0, 0.1), CooldownSettings.DEFAULTS,
                FallbackSettings.NONE, false);
        Router router = router(settings, group("chat", "a", "b", "c"));
        fails("a", ErrorKind.UNAVAILABLE);
        fails("b", ErrorKind.UNAVAILABLE);

        assertThrows(ProviderException.class, () -> route(router, "chat"));

        assertEquals(List.of("a", "b"), calls, "one retry, then the budget is spent");
        assertEquals(1L, router.counters().snapshot().get("retry_budget_exhausted"));

        clock.advance(Duration.ofSeconds(11));
        calls.clear();
        fails("a", ErrorKind.UNAVAILABLE);
        route(router, "chat");
        assertEquals(List.of("a", "b"), calls, "the budget refills as the window moves on");
    }

    @Test
    void rpmLimitsHoldAndTheLastAnswerIsA429WithRetryAfterToTheNextMinute()
    {
        Router router = router(settings(0), new ModelGroup("chat", List.of(Deployments.withRpm("a", "chat", 2, clock),
                Deployments.withRpm("b", "chat", 1, clock))));

        for (int i = 0; i < 3; i++) {
            route(router, "chat");
        }
        ProviderException full = assertThrows(ProviderException.class, () -> route(router, "chat"));

        assertEquals(List.of("a", "a", "b"), calls);
        assertEquals(ErrorKind.RATE_LIMITED, full.kind());
        assertEquals(Optional.of(Duration.ofSeconds(50)), full.retryAfter(), "10 s into the minute");
        assertTrue(full.getMessage().startsWith("No deployments available for selected model, Try again in 50 seconds. Passed model=chat."), full.getMessage());

        clock.advance(Duration.ofSeconds(50));
        route(router, "chat");
        assertEquals("a", calls.getLast(), "a new minute, a new quota");
    }

    @Test
    void aRateLimitedDeploymentCoolsDownAndLaterRequestsSkipIt()
    {
        Router router = router(settings(1), group("chat", "a", "b"));
        fails("a", ErrorKind.RATE_LIMITED);
        retryAfter.put("a", Duration.ofSeconds(20));

        route(router, "chat");
        calls.clear();
        route(router, "chat");

        assertEquals(List.of("b"), calls, "a cools down for its Retry-After");
        clock.advance(Duration.ofSeconds(21));
        calls.clear();
        route(router, "chat");
        assertEquals(List.of("a"), calls, "and is back once it ends");
    }

    @Test
    void theLastHealthyDeploymentIsNeverCooledDown()
    {
        Router router = router(settings(1), group("chat", "a", "b"));
        fails("a", ErrorKind.RATE_LIMITED);
        fails("b", ErrorKind.RATE_LIMITED);

        assertThrows(ProviderException.class, () -> route(router, "chat"));
        calls.clear();
        route(router, "chat");

        assertEquals(List.of("b"), calls, "a cools down, b keeps serving");
        Map<String, Long> counters = router.counters().snapshot();
        assertEquals(1L, counters.get("cooldowns_started"));
        assertEquals(1L, counters.get("cooldowns_spared_last_healthy"));
    }

    @Test
    void failuresThisMinuteBeyondAllowedFailsCoolDown()
    {
        RouterSettings settings = settings(0, RetrySettings.DEFAULTS, new CooldownSettings(1, Duration.ofSeconds(5), false), FallbackSettings.NONE, false);
        Router router = router(settings, group("chat", "a", "b"));
        fails("a", ErrorKind.UPSTREAM_SERVER, ErrorKind.UPSTREAM_SERVER);

        assertThrows(ProviderException.class, () -> route(router, "chat"));
        assertThrows(ProviderException.class, () -> route(router, "chat"));
        route(router, "chat");

        assertEquals(List.of("a", "a", "b"), calls, "the second failure exceeds allowed_fails: 1");
    }

    @Test
    void preCallChecksLeaveOutDeploymentsTooSmallForThePrompt()
    {
        ModelGroup group = new ModelGroup("chat", List.of(Deployments.withContextWindow("small", "chat", 100, clock),
                Deployments.withContextWindow("large", "chat", 100_000, clock)));
        Router router = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, FallbackSettings.NONE, true), group);

        router.route(group, Endpoint.CHAT_COMPLETIONS, false, 500, new RouteTrace("chat"), this::attempt);
        assertEquals(List.of("large"), calls);

        ProviderException tooLong = assertThrows(ProviderException.class,
                () -> router.route(group, Endpoint.CHAT_COMPLETIONS, false, 200_000, new RouteTrace("chat"), this::attempt));
        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, tooLong.kind());
        assertEquals(Optional.of("context_length_exceeded"), tooLong.code());
        assertTrue(tooLong.getMessage().contains("Max Input Tokens=100000, Got=200000"), tooLong.getMessage());
        assertEquals(List.of("large"), calls, "nothing was sent");
    }

    @Test
    void aPromptTooLongForEveryDeploymentGoesToTheContextWindowFallback()
    {
        FallbackSettings fallbacks = new FallbackSettings(Map.of(), Optional.of(Map.of("small", List.of("big"))), Optional.empty(), List.of(), 5);
        ModelGroup small = new ModelGroup("small", List.of(Deployments.withContextWindow("s1", "small", 1000, clock)));
        ModelGroup big = new ModelGroup("big", List.of(Deployments.withContextWindow("b1", "big", 1_000_000, clock)));
        Router router = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, fallbacks, true), small, big);

        RouteTrace trace = new RouteTrace("small");
        router.route(small, Endpoint.CHAT_COMPLETIONS, false, 5000, trace, this::attempt);

        assertEquals(List.of("b1"), calls);
        assertEquals(1, trace.fallbacks());
        assertEquals("big", trace.group());
    }

    @Test
    void fallbacksFollowTheKindOfTheLastError()
    {
        Map<String, List<String>> generic = new LinkedHashMap<>();
        generic.put("primary", List.of("general"));
        FallbackSettings fallbacks = new FallbackSettings(generic, Optional.empty(), Optional.of(Map.of("primary", List.of("lenient"))), List.of(), 5);
        Router router = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, fallbacks, false),
                group("primary", "p"), group("general", "g"), group("lenient", "l"));

        fails("p", ErrorKind.UPSTREAM_SERVER);
        route(router, "primary");
        assertEquals(List.of("p", "g"), calls);

        calls.clear();
        fails("p", ErrorKind.CONTENT_POLICY);
        route(router, "primary");
        assertEquals(List.of("p", "l"), calls);

        calls.clear();
        fails("p", ErrorKind.CONTEXT_WINDOW_EXCEEDED);
        route(router, "primary");
        assertEquals(List.of("p", "g"), calls, "without context_window_fallbacks the general list applies");

        calls.clear();
        fails("p", ErrorKind.INVALID_REQUEST);
        assertThrows(ProviderException.class, () -> route(router, "primary"));
        assertEquals(List.of("p"), calls, "a request the caller got wrong fails everywhere");
    }

    @Test
    void fallbacksStopAtCyclesAndAtMaxFallbacks()
    {
        Map<String, List<String>> generic = new LinkedHashMap<>();
        generic.put("a", List.of("b"));
        generic.put("b", List.of("c", "a"));
        generic.put("c", List.of("d"));
        generic.put("d", List.of("a"));
        Router router = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, new FallbackSettings(generic, Optional.empty(),
                Optional.empty(), List.of(), 2), false), group("a", "a1"), group("b", "b1"), group("c", "c1"), group("d", "d1"));
        for (String id : List.of("a1", "b1", "c1", "d1")) {
            fails(id, ErrorKind.UNAVAILABLE);
        }

        RouteTrace trace = new RouteTrace("a");
        ProviderException error = assertThrows(ProviderException.class,
                () -> router.route(router.group("a").orElseThrow(), Endpoint.CHAT_COMPLETIONS, false, 10, trace, this::attempt));

        assertEquals(List.of("a1", "b1", "c1"), calls, "depth first, and no more than max_fallbacks: 2");
        assertEquals(2, trace.fallbacks());
        assertEquals(ErrorKind.UNAVAILABLE, error.kind());

        calls.clear();
        Router unlimited = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, new FallbackSettings(generic, Optional.empty(),
                Optional.empty(), List.of(), 10), false), group("a", "a1"), group("b", "b1"), group("c", "c1"), group("d", "d1"));
        for (String id : List.of("a1", "b1", "c1", "d1")) {
            fails(id, ErrorKind.UNAVAILABLE);
        }
        assertThrows(ProviderException.class, () -> route(unlimited, "a"));
        assertEquals(List.of("a1", "b1", "c1", "d1"), calls, "each group once: the cycles back to a are cut");
    }

    @Test
    void defaultFallbacksAndTheWildcardApplyToGroupsWithoutAnEntry()
    {
        FallbackSettings wildcard = new FallbackSettings(Map.of("*", List.of("spare")), Optional.empty(), Optional.empty(), List.of("other"), 5);
        Router router = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, wildcard, false), group("main", "m"),
                group("spare", "s"), group("other", "o"));
        fails("m", ErrorKind.TIMEOUT);
        route(router, "main");
        assertEquals(List.of("m", "s"), calls);

        calls.clear();
        FallbackSettings defaults = new FallbackSettings(Map.of(), Optional.empty(), Optional.empty(), List.of("other"), 5);
        Router withDefaults = router(settings(0, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, defaults, false), group("main", "m"),
                group("other", "o"));
        fails("m", ErrorKind.TIMEOUT);
        route(withDefaults, "main");
        assertEquals(List.of("m", "o"), calls);
    }

    @Test
    void aGroupThatDoesNotServeTheEndpointIsA400NamingTheParameter()
    {
        Router router = router(settings(0), group("chat", "a"));

        ProviderException error = assertThrows(ProviderException.class,
                () -> router.route(router.group("chat").orElseThrow(), Endpoint.COMPLETIONS, false, 10, new RouteTrace("chat"), this::attempt));

        assertEquals(ErrorKind.INVALID_REQUEST, error.kind());
        assertEquals(Optional.of("model"), error.param());
    }

    private RouteTrace route(Router router, String group)
    {
        RouteTrace trace = new RouteTrace(group);
        router.route(router.group(group).orElseThrow(), Endpoint.CHAT_COMPLETIONS, false, 10, trace, this::attempt);
        return trace;
    }

    private Router currentRouter;

    /** Plays the scripted outcome of one attempt and settles it, as the HTTP layer does. */
    private void attempt(ModelGroup group, Reservation reservation)
    {
        String id = reservation.deployment().id();
        calls.add(id);
        List<ErrorKind> outcomes = script.getOrDefault(id, new ArrayList<>());
        ErrorKind error = outcomes.isEmpty() ? null : outcomes.removeFirst();
        Optional<Duration> wait = error == null ? Optional.empty() : Optional.ofNullable(retryAfter.get(id));
        currentRouter.finish(reservation, new AttemptEnd(Optional.ofNullable(error), wait, Usage.of(3, 5), Duration.ofMillis(5), Duration.ofMillis(5), false));
        if (error != null) {
            throw new ProviderException(error, "scripted " + error, 0, null, null, wait.orElse(null), Map.of(), null);
        }
    }

    private void fails(String id, ErrorKind... errors)
    {
        script.put(id, new ArrayList<>(List.of(errors)));
    }

    private Router router(RouterSettings settings, ModelGroup... groups)
    {
        Map<String, ModelGroup> byName = new LinkedHashMap<>();
        for (ModelGroup group : groups) {
            byName.put(group.name(), group);
        }
        currentRouter = new Router(byName, (request, candidates) -> Optional.of(candidates.getFirst()), settings, FleetState.local(clock), clock,
                new SplittableRandom(7), sleeps::add);
        return currentRouter;
    }

    private ModelGroup group(String name, String... ids)
    {
        List<DeploymentRuntime> deployments = new ArrayList<>();
        for (String id : ids) {
            deployments.add(Deployments.of(id, name, clock));
        }
        return new ModelGroup(name, deployments);
    }

    private static RouterSettings settings(int numRetries)
    {
        return settings(numRetries, RetrySettings.DEFAULTS, CooldownSettings.DEFAULTS, FallbackSettings.NONE, false);
    }

    private static RouterSettings settings(int numRetries, RetrySettings retries, CooldownSettings cooldowns, FallbackSettings fallbacks, boolean preCallChecks)
    {
        return new RouterSettings("first", numRetries, Optional.empty(), retries, cooldowns, fallbacks, preCallChecks, Optional.empty(),
                ConfigView.empty("router_settings"));
    }

    private static void assertBetween(Duration low, Duration high, Duration actual)
    {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0, actual + " not in [" + low + ", " + high + "]");
    }
}
