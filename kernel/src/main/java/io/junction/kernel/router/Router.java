package io.junction.kernel.router;

import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the deployment of a model group for each attempt: filters the group to deployments that serve the
 * endpoint (and streaming, if asked) and were not tried yet by this request, then lets the routing strategy pick.
 */
public final class Router
{
    private final Map<String, ModelGroup> groups;
    private final RoutingStrategy strategy;
    private final int numRetries;

    public Router(Map<String, ModelGroup> groups, RoutingStrategy strategy, int numRetries)
    {
        this.groups = Map.copyOf(groups);
        this.strategy = strategy;
        this.numRetries = numRetries;
    }

    public Optional<ModelGroup> group(String name)
    {
        return Optional.ofNullable(groups.get(name));
    }

    public Collection<ModelGroup> groups()
    {
        return groups.values();
    }

    public int numRetries()
    {
        return numRetries;
    }

    /**
     * @param tried ids of deployments this request already failed on; they are chosen again only when no other
     *        deployment of the group remains
     * @return empty when the group has no deployment for this endpoint, or the strategy declines them all
     */
    public Optional<DeploymentRuntime> select(ModelGroup group, RouteRequest request, Set<String> tried)
    {
        List<DeploymentRuntime> eligible = new ArrayList<>(group.deployments().size());
        for (DeploymentRuntime deployment : group.deployments()) {
            if (deployment.serves(request.endpoint(), request.stream()) && !tried.contains(deployment.id())) {
                eligible.add(deployment);
            }
        }
        if (eligible.isEmpty() && !tried.isEmpty()) {
            for (DeploymentRuntime deployment : group.deployments()) {
                if (deployment.serves(request.endpoint(), request.stream())) {
                    eligible.add(deployment);
                }
            }
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>(eligible.size());
        for (DeploymentRuntime deployment : eligible) {
            candidates.add(deployment.candidate());
        }
        return strategy.select(request, candidates).map(choice -> eligible.get(candidates.indexOf(choice)));
    }

    public void recordOutcome(AttemptOutcome outcome)
    {
        strategy.onOutcome(outcome);
    }
}
