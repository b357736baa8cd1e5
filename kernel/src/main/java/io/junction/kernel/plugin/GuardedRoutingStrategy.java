package io.junction.kernel.plugin;

import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A routing strategy whose faults are counted and logged; the request is then routed uniformly at random among the
 * candidates rather than failed, and an answer that is not one of the candidates is treated as a fault.
 */
public final class GuardedRoutingStrategy
        implements RoutingStrategy
{
    private final String pluginId;
    private final RoutingStrategy delegate;
    private final PluginFaults faults;
    private final RandomGenerator fallbackRandom;

    public GuardedRoutingStrategy(String pluginId, RoutingStrategy delegate, PluginFaults faults, RandomGenerator fallbackRandom)
    {
        this.pluginId = pluginId;
        this.delegate = delegate;
        this.faults = faults;
        this.fallbackRandom = fallbackRandom;
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        try {
            Optional<Candidate> choice = delegate.select(request, candidates);
            if (choice == null) {
                throw new NullPointerException("select returned null instead of Optional.empty()");
            }
            if (choice.isPresent() && !candidates.contains(choice.get())) {
                throw new IllegalStateException("select returned a deployment that was not among the candidates: " + choice.get().id());
            }
            return choice;
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "routing strategy select", e);
            return Optional.of(candidates.get(fallbackRandom.nextInt(candidates.size())));
        }
    }

    @Override
    public void onOutcome(AttemptOutcome outcome)
    {
        try {
            delegate.onOutcome(outcome);
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "routing strategy onOutcome", e);
        }
    }
}
