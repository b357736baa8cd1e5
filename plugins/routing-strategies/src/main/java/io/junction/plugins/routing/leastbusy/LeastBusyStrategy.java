package io.junction.plugins.routing.leastbusy;

import io.junction.plugins.routing.LowestScorePick;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * LiteLLM's {@code least-busy}: the deployment with the fewest requests in flight, among those with rpm and tpm
 * headroom; a random one among those that tie.
 * <p>
 * Better than LiteLLM's: ties are broken at random rather than by list order (which sent every request of an idle
 * group to the first deployment), the in-flight figure is the kernel's own (so it never counts deployments that
 * left the group), and rpm/tpm quotas are respected. The exact minimum rather than power-of-two-choices: a group
 * holds a handful of deployments, so one pass is cheap, and the kernel counts the attempt as in flight right after
 * this choice, so concurrent choices rarely see the same stale minimum. Stateless: no locks.
 */
public final class LeastBusyStrategy
        implements RoutingStrategy
{
    private final RandomGenerator random;

    public LeastBusyStrategy(RandomGenerator random)
    {
        this.random = Objects.requireNonNull(random, "random is null");
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        return LowestScorePick.amongThoseWithHeadroom(request, candidates, random, candidate -> candidate.load().inFlight());
    }
}
