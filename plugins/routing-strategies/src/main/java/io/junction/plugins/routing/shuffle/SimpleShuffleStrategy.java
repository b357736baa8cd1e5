package io.junction.plugins.routing.shuffle;

import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingStrategy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * LiteLLM's {@code simple-shuffle}: a random pick, in proportion to {@code weight} when any candidate sets one,
 * else to {@code rpm}, else to {@code tpm}, else uniform. A candidate that lacks the chosen figure (or sets it to
 * 0) is never picked, unless every candidate's share is 0, in which case the pick is uniform.
 * <p>
 * Stateless apart from the injected generator, so it takes no locks; a pick walks the list at most three times
 * and allocates nothing but the returned {@link Optional}.
 */
public final class SimpleShuffleStrategy
        implements RoutingStrategy
{
    private final RandomGenerator random;

    public SimpleShuffleStrategy(RandomGenerator random)
    {
        this.random = Objects.requireNonNull(random, "random is null");
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        int size = candidates.size();
        if (size == 0) {
            return Optional.empty();
        }
        if (size == 1) {
            return Optional.of(candidates.getFirst());
        }
        ShuffleBasis basis = basisOf(candidates);
        if (basis == ShuffleBasis.UNIFORM) {
            return Optional.of(uniformPick(candidates));
        }
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += basis.share(candidates.get(i).deployment());
        }
        if (!(total > 0) || total == Double.POSITIVE_INFINITY) {
            // every share is 0 (LiteLLM would fail here), or the figures are too large to add up: stay available
            return Optional.of(uniformPick(candidates));
        }
        return Optional.of(weightedPick(candidates, basis, total));
    }

    private Candidate uniformPick(List<Candidate> candidates)
    {
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Candidate weightedPick(List<Candidate> candidates, ShuffleBasis basis, double total)
    {
        double point = random.nextDouble(total);
        double cumulative = 0;
        Candidate lastWithShare = null;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            double share = basis.share(candidate.deployment());
            if (share > 0) {
                cumulative += share;
                lastWithShare = candidate;
                if (point < cumulative) {
                    return candidate;
                }
            }
        }
        // only reached when rounding puts the point at the very top of the range
        return lastWithShare;
    }

    /**
     * The figure the pick follows. LiteLLM looks only at the first deployment; we look at all of them, so the
     * choice does not flip when the kernel removes a cooling-down deployment from the front of the list.
     */
    private static ShuffleBasis basisOf(List<Candidate> candidates)
    {
        boolean anyRpm = false;
        boolean anyTpm = false;
        for (int i = 0; i < candidates.size(); i++) {
            Deployment deployment = candidates.get(i).deployment();
            if (ShuffleBasis.WEIGHT.declaredBy(deployment)) {
                return ShuffleBasis.WEIGHT;
            }
            anyRpm |= ShuffleBasis.RPM.declaredBy(deployment);
            anyTpm |= ShuffleBasis.TPM.declaredBy(deployment);
        }
        if (anyRpm) {
            return ShuffleBasis.RPM;
        }
        return anyTpm ? ShuffleBasis.TPM : ShuffleBasis.UNIFORM;
    }
}
