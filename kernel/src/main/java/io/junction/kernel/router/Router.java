package io.junction.kernel.router;

import io.junction.kernel.config.RouterSettings;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Routes a request through its model group and, when that fails, through its fallback groups (LiteLLM's order: the
 * group's retries first, then each fallback group with its own retries).
 * <p>
 * For each attempt it filters the group to deployments that serve the endpoint (and streaming, if asked), are not
 * cooling down, fit the prompt (with {@code enable_pre_call_checks}) and have rpm/tpm headroom as far as known, and
 * prefers those this request has not tried; the routing strategy picks among them; the pick's request slot and
 * tokens are then reserved exactly (in Redis when the fleet shares one), and a pick whose reservation fails is left
 * out and the choice made again. A retryable failure is retried up to {@code num_retries} times within the retry
 * budget, at once when another healthy deployment is left, else after a backoff. When no deployment can take the
 * request the caller gets a 429 with {@code Retry-After}.
 */
public final class Router
        implements AutoCloseable
{
    private final Map<String, ModelGroup> groups;
    private final RoutingStrategy strategy;
    private final RouterSettings settings;
    private final FleetState fleet;
    private final Fallbacks fallbacks;
    private final Cooldowns cooldowns;
    private final Map<String, RetryBudget> budgets = new HashMap<>();
    private final RouterCounters counters = new RouterCounters();
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    public Router(Map<String, ModelGroup> groups, RoutingStrategy strategy, RouterSettings settings, FleetState fleet, InstantSource clock,
            RandomGenerator random, Sleeper sleeper)
    {
        this.groups = Map.copyOf(groups);
        this.strategy = strategy;
        this.settings = settings;
        this.fleet = fleet;
        this.fallbacks = new Fallbacks(settings.fallbacks());
        this.cooldowns = new Cooldowns(new CooldownPolicy(settings.cooldowns()), fleet, counters, clock);
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
        for (String name : this.groups.keySet()) {
            budgets.put(name, new RetryBudget(settings.retries().budgetRatio(), settings.retries().budgetMinPerSecond(), clock));
        }
        fleet.watch(this.groups.values());
    }

    public Optional<ModelGroup> group(String name)
    {
        return Optional.ofNullable(groups.get(name));
    }

    public Collection<ModelGroup> groups()
    {
        return groups.values();
    }

    public RouterCounters counters()
    {
        return counters;
    }

    public FleetState fleet()
    {
        return fleet;
    }

    /**
     * Tries the group, then its fallbacks, until an attempt succeeds.
     *
     * @param trace filled in as the router goes, for the response's headers
     * @throws ProviderException the last failure, when no group could answer: the upstream's error, a 429 when no
     *         deployment could take the request, a 400 when none serves the endpoint or fits the prompt
     */
    public void route(ModelGroup requested, Endpoint endpoint, boolean stream, int estimatedPromptTokens, RouteTrace trace, AttemptRunner runner)
    {
        ProviderException failure = tryGroup(requested, endpoint, stream, estimatedPromptTokens, trace, runner);
        if (failure == null) {
            return;
        }
        Set<String> visited = new HashSet<>();
        visited.add(requested.name());
        Deque<String> next = new ArrayDeque<>(fallbacks.after(requested.name(), failure.kind()));
        while (!next.isEmpty() && trace.fallbacks() < fallbacks.max()) {
            String name = next.pollFirst();
            ModelGroup group = groups.get(name);
            // a cycle (a -> b -> a) or a group no deployment serves (warned about at startup) is skipped
            if (group == null || !visited.add(name)) {
                continue;
            }
            trace.fellBack(name);
            counters.fallbacks.increment();
            ProviderException groupFailure = tryGroup(group, endpoint, stream, estimatedPromptTokens, trace, runner);
            if (groupFailure == null) {
                return;
            }
            failure = groupFailure;
            // depth first, as LiteLLM's nested fallbacks: this group's own fallbacks come before its siblings
            List<String> deeper = fallbacks.after(name, groupFailure.kind());
            for (int i = deeper.size() - 1; i >= 0; i--) {
                next.addFirst(deeper.get(i));
            }
        }
        throw failure;
    }

    /**
     * Settles an attempt: the strategy's feedback, the reservation with the real token count, the deployment's health
     * and, after a failure that points at the deployment, maybe a cooldown.
     */
    public void finish(Reservation reservation, AttemptEnd end)
    {
        DeploymentRuntime deployment = reservation.deployment();
        long promptTokens = end.usage().known() ? end.usage().promptTokens() : 0;
        long completionTokens = end.usage().known() ? end.usage().completionTokens() : 0;
        strategy.onOutcome(new AttemptOutcome(deployment.id(), deployment.group(), end.error(), end.latency(), end.timeToFirstToken(),
                promptTokens, completionTokens, end.stream()));
        AttemptHealth health = AttemptHealth.of(end.error());
        fleet.finish(reservation, end.usage().known() ? promptTokens + completionTokens : -1, health, counts -> {
            // looked up only after a failure: most attempts succeed
            ModelGroup group = groups.get(deployment.group());
            if (group != null) {
                cooldowns.afterFailure(group, deployment, end.error(), end.retryAfter(), counts);
            }
        });
    }

    @Override
    public void close()
    {
        fleet.close();
    }

    /** @return null when an attempt succeeded, else the group's last failure */
    private ProviderException tryGroup(ModelGroup group, Endpoint endpoint, boolean stream, int tokens, RouteTrace trace, AttemptRunner runner)
    {
        RouteRequest request = new RouteRequest(group.name(), endpoint, stream, tokens);
        int numRetries = settings.numRetries();
        RetryBudget budget = budgets.get(group.name());
        if (numRetries > 0) {
            budget.deposit();
        }
        // most requests succeed at once: these sets are made on the first failure or full deployment only
        Set<DeploymentRuntime> tried = Set.of();
        Set<DeploymentRuntime> full = Set.of();
        ProviderException last = null;
        int retries = 0;
        while (true) {
            if (last != null) {
                if (!last.kind().retryable() || retries >= numRetries) {
                    return last;
                }
                if (!budget.tryWithdraw()) {
                    counters.retryBudgetExhausted.increment();
                    return last;
                }
                Duration wait = waitBeforeRetry(group, request, tried, full, last, retries + 1);
                if (wait == null) {
                    counters.retryAfterTooLong.increment();
                    return last;
                }
                retries++;
                trace.retried();
                counters.retries.increment();
                if (!wait.isZero() && !sleep(wait)) {
                    return last;
                }
            }
            Reservation reservation = null;
            while (reservation == null) {
                Selection selection = select(group, request, tried, full);
                if (selection.deployment() == null) {
                    return last != null ? last : selection.failure();
                }
                reservation = fleet.reserve(selection.deployment(), tokens);
                if (reservation == null) {
                    full = with(full, selection.deployment());
                    counters.limitRejections.increment();
                }
            }
            trace.attempting(group.name());
            try {
                runner.run(group, reservation);
                return null;
            }
            catch (ProviderException e) {
                last = e;
                tried = with(tried, reservation.deployment());
            }
        }
    }

    /**
     * The deployment for the next attempt: among those that serve the request, are not cooling down, fit the prompt
     * (with pre-call checks) and have headroom as far as known, preferring those not tried yet; the strategy picks.
     */
    private Selection select(ModelGroup group, RouteRequest request, Set<DeploymentRuntime> tried, Set<DeploymentRuntime> full)
    {
        long now = clock.millis();
        List<DeploymentRuntime> fresh = new ArrayList<>(group.deployments().size());
        List<DeploymentRuntime> triedBefore = null;
        boolean anyServes = false;
        boolean anyFits = false;
        long largestWindow = 0;
        long earliestCooldownEnd = Long.MAX_VALUE;
        boolean atLimit = false;
        for (DeploymentRuntime deployment : group.deployments()) {
            Standing standing = standing(deployment, request, now, tried, full);
            anyServes |= standing != Standing.UNSUPPORTED;
            anyFits |= standing != Standing.UNSUPPORTED && standing != Standing.TOO_SMALL;
            switch (standing) {
                case UNSUPPORTED -> {
                    // only anyServes notes it
                }
                case TOO_SMALL -> largestWindow = Math.max(largestWindow, deployment.maxInputTokens().orElse(0));
                case COOLING_DOWN -> earliestCooldownEnd = Math.min(earliestCooldownEnd, deployment.cooldownUntil());
                case AT_LIMIT -> atLimit = true;
                case TRIED -> {
                    if (triedBefore == null) {
                        triedBefore = new ArrayList<>(2);
                    }
                    triedBefore.add(deployment);
                }
                case FRESH -> fresh.add(deployment);
            }
        }
        // a deployment this request failed on is chosen again only when no other is left
        List<DeploymentRuntime> eligible = fresh.isEmpty() && triedBefore != null ? triedBefore : fresh;
        if (eligible.isEmpty()) {
            if (!anyServes) {
                return Selection.failed(unsupported(group, request));
            }
            if (!anyFits) {
                counters.contextWindowRejections.increment();
                return Selection.failed(contextWindowExceeded(group, request.estimatedPromptTokens(), largestWindow));
            }
            return Selection.failed(noDeploymentAvailable(group, now, earliestCooldownEnd, atLimit));
        }
        List<Candidate> candidates = new ArrayList<>(eligible.size());
        for (DeploymentRuntime deployment : eligible) {
            candidates.add(deployment.candidate());
        }
        Optional<Candidate> choice = strategy.select(request, candidates);
        if (choice.isEmpty()) {
            // the strategy found no headroom either: the figures it saw free up at the next minute
            return Selection.failed(noDeploymentAvailable(group, now, earliestCooldownEnd, true));
        }
        return Selection.of(eligible.get(candidates.indexOf(choice.get())));
    }

    /**
     * @return how long to wait before the retry: zero when another healthy deployment is left, else the backoff; null
     *         when the upstream asked for longer than {@code max_retry_delay}
     */
    private Duration waitBeforeRetry(ModelGroup group, RouteRequest request, Set<DeploymentRuntime> tried, Set<DeploymentRuntime> full,
            ProviderException last, int retryNumber)
    {
        long now = clock.millis();
        for (DeploymentRuntime deployment : group.deployments()) {
            if (standing(deployment, request, now, tried, full) == Standing.FRESH) {
                return Duration.ZERO;
            }
        }
        Duration cap = settings.retries().maxRetryDelay();
        Duration minimum = settings.retries().retryAfter();
        Duration wait = Backoff.delay(retryNumber, last.retryAfter(), minimum, cap, random);
        Duration longest = cap.compareTo(minimum) >= 0 ? cap : minimum;
        return wait.compareTo(longest) > 0 ? null : wait;
    }

    /** Where a deployment stands for the request's next attempt: the first check it fails, else whether it was tried. */
    private Standing standing(DeploymentRuntime deployment, RouteRequest request, long now, Set<DeploymentRuntime> tried,
            Set<DeploymentRuntime> full)
    {
        if (!deployment.serves(request.endpoint(), request.stream())) {
            return Standing.UNSUPPORTED;
        }
        if (settings.preCallChecks() && !deployment.fitsContext(request.estimatedPromptTokens())) {
            return Standing.TOO_SMALL;
        }
        if (deployment.coolingDown(now)) {
            return Standing.COOLING_DOWN;
        }
        if (full.contains(deployment) || !deployment.hasHeadroom(request.estimatedPromptTokens())) {
            return Standing.AT_LIMIT;
        }
        return tried.contains(deployment) ? Standing.TRIED : Standing.FRESH;
    }

    /** The set with one more deployment: made on the first addition, the empty {@code Set.of()} standing in until then. */
    private static Set<DeploymentRuntime> with(Set<DeploymentRuntime> set, DeploymentRuntime deployment)
    {
        Set<DeploymentRuntime> grown = set.isEmpty() ? new HashSet<>(4) : set;
        grown.add(deployment);
        return grown;
    }

    private boolean sleep(Duration wait)
    {
        try {
            sleeper.sleep(wait);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ProviderException unsupported(ModelGroup group, RouteRequest request)
    {
        return new ProviderException(ErrorKind.INVALID_REQUEST, "Model '" + group.name() + "' does not support " + request.endpoint().path()
                + (request.stream() ? " with stream: true" : "") + " with any of its deployments.", 0, null, request.stream() ? "stream" : "model",
                null, Map.of(), null);
    }

    /** OpenAI's {@code context_length_exceeded}, worded as LiteLLM's pre-call check. */
    private static ProviderException contextWindowExceeded(ModelGroup group, int tokens, long largestWindow)
    {
        return new ProviderException(ErrorKind.CONTEXT_WINDOW_EXCEEDED, "Context Window exceeded for given call. No models have context window large"
                + " enough for this call. Model group=" + group.name() + ", Max Input Tokens=" + largestWindow + ", Got=" + tokens + " (estimated).",
                0, "context_length_exceeded", "messages", null, Map.of(), null);
    }

    /** LiteLLM's wording, so that clients matching on it keep working; Retry-After is when the first deployment frees up. */
    private ProviderException noDeploymentAvailable(ModelGroup group, long now, long earliestCooldownEnd, boolean atLimit)
    {
        counters.noDeploymentAvailable.increment();
        long waitMillis = Long.MAX_VALUE;
        if (earliestCooldownEnd != Long.MAX_VALUE) {
            waitMillis = earliestCooldownEnd - now;
        }
        if (atLimit || waitMillis == Long.MAX_VALUE) {
            waitMillis = Math.min(waitMillis, 60_000 - Math.floorMod(now, 60_000));
        }
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        List<String> cooling = new ArrayList<>();
        for (DeploymentRuntime deployment : group.deployments()) {
            if (deployment.coolingDown(now)) {
                cooling.add("'" + deployment.id() + "'");
            }
        }
        return new ProviderException(ErrorKind.RATE_LIMITED, "No deployments available for selected model, Try again in " + seconds
                + " seconds. Passed model=" + group.name() + ". pre-call-checks=" + (settings.preCallChecks() ? "True" : "False")
                + ", cooldown_list=" + cooling, 0, "rate_limit_exceeded", null, Duration.ofSeconds(seconds), Map.of(), null);
    }

    private enum Standing
    {
        UNSUPPORTED,
        TOO_SMALL,
        COOLING_DOWN,
        AT_LIMIT,
        TRIED,
        FRESH
    }

    private record Selection(DeploymentRuntime deployment, ProviderException failure)
    {
        static Selection of(DeploymentRuntime deployment)
        {
            return new Selection(deployment, null);
        }

        static Selection failed(ProviderException failure)
        {
            return new Selection(null, failure);
        }
    }
}
