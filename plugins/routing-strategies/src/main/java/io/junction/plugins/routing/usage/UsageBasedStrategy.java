package io.junction.plugins.routing.usage;

import io.junction.plugins.routing.LowestScorePick;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * LiteLLM's {@code usage-based-routing-v2}: among the deployments with headroom ({@code requests + 1 <= rpm} and
 * {@code tokens + estimated prompt tokens <= tpm}, when set), the one that used the fewest tokens this UTC minute;
 * a random one among those that tie. None with headroom: no deployment, and the client gets a 429.
 * <p>
 * Better than LiteLLM's: the rpm check admits the last request of the minute (LiteLLM's {@code requests + 1 >= rpm}
 * left one unused), and the figures include the kernel's reservation of in-flight prompts, so a burst of
 * concurrent requests cannot all slip under the same quota. Stateless: no locks.
 */
public final class UsageBasedStrategy
        implements RoutingStrategy
{
    private final RandomGenerator random;

    public UsageBasedStrategy(RandomGenerator random)
    {
        this.random = Objects.requireNonNull(random, "random is null");
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        return LowestScorePick.amongThoseWithHeadroom(request, candidates, random, candidate -> candidate.load().tokensThisMinute());
    }
}
