package io.junction.kernel.router;

import java.util.Objects;

/**
 * One attempt's claim on a deployment: a request slot and the prompt's estimated tokens, counted by this instance
 * and, when {@code counted} by the fleet, in the shared store. Settled by {@link Router#finish}.
 *
 * @param minute the UTC minute the reservation was made in
 */
public record Reservation(DeploymentRuntime deployment, long minute, int estimatedTokens, boolean fleetCounted)
{
    public Reservation
    {
        Objects.requireNonNull(deployment, "deployment is null");
    }
}
