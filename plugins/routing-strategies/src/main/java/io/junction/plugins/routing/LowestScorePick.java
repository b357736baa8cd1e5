package io.junction.plugins.routing;

import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * One pass over candidates that keeps the one with the lowest score, choosing uniformly at random among those that
 * tie (reservoir sampling: the k-th tying candidate replaces the kept one with probability 1/k). A random tie-break
 * keeps equal deployments equally loaded instead of piling every request on the first one listed.
 * <p>
 * Not thread-safe: create one per selection. A score of {@code +Infinity} is a valid score (it ties with itself);
 * NaN is treated as {@code +Infinity}.
 */
public final class LowestScorePick
{
    private final RandomGenerator random;
    private Candidate kept;
    private double keptScore;
    private int ties;

    public LowestScorePick(RandomGenerator random)
    {
        this.random = Objects.requireNonNull(random, "random is null");
    }

    /**
     * The candidate with {@link Headroom} whose score is lowest, a random one among those that tie; empty when none
     * has headroom.
     *
     * @param score a candidate's score, lower is better
     */
    public static Optional<Candidate> amongThoseWithHeadroom(RouteRequest request, List<Candidate> candidates, RandomGenerator random,
            ToDoubleFunction<Candidate> score)
    {
        LowestScorePick pick = new LowestScorePick(random);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (Headroom.allows(candidate, request)) {
                pick.offer(candidate, score.applyAsDouble(candidate));
            }
        }
        return pick.result();
    }

    public void offer(Candidate candidate, double score)
    {
        double comparable = Double.isNaN(score) ? Double.POSITIVE_INFINITY : score;
        if (kept == null || comparable < keptScore) {
            kept = candidate;
            keptScore = comparable;
            ties = 1;
        }
        else if (comparable == keptScore) {
            ties++;
            if (random.nextInt(ties) == 0) {
                kept = candidate;
            }
        }
    }

    public boolean isEmpty()
    {
        return kept == null;
    }

    /** The lowest score offered; {@code +Infinity} when nothing was. */
    public double lowestScore()
    {
        return kept == null ? Double.POSITIVE_INFINITY : keptScore;
    }

    public Optional<Candidate> result()
    {
        return Optional.ofNullable(kept);
    }
}
