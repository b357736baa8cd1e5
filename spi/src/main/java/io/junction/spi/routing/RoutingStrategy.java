package io.junction.spi.routing;

import java.util.List;
import java.util.Optional;

/**
 * Picks the deployment of a model group that serves a request.
 * <p>
 * The kernel has already removed deployments that are cooling down; the strategy may still decline a candidate
 * (no rpm or tpm headroom, for example). Called concurrently from many request threads, and on the request path:
 * it must not block or do I/O.
 */
public interface RoutingStrategy
{
    /**
     * @param candidates the healthy deployments of the group, never empty
     * @return one of {@code candidates}, or empty when none can take the request now (the client gets a 429)
     */
    Optional<Candidate> select(RouteRequest request, List<Candidate> candidates);

    /** How an attempt this strategy routed ended; called off the request path may be, so keep it cheap. */
    default void onOutcome(AttemptOutcome outcome) {}
}
