package io.junction.plugins.routing;

import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;
import io.junction.spi.routing.RouteRequest;

/**
 * Whether a deployment can take one more request this UTC minute without going past the quotas it declares: one
 * more request fits its {@code rpm} ({@code requests + 1 <= rpm}) and the prompt's estimated tokens fit its
 * {@code tpm} ({@code tokens + estimated prompt tokens <= tpm}). A quota that is not set never stops a request; a
 * quota of 0 stops every request. The figures are the kernel's (fleet-wide when it shares them), so the check
 * holds across gateway instances as well as the figures do.
 */
public final class Headroom
{
    private Headroom() {}

    public static boolean allows(Candidate candidate, RouteRequest request)
    {
        Deployment deployment = candidate.deployment();
        DeploymentLoad load = candidate.load();
        if (deployment.rpm().isPresent() && load.requestsThisMinute() >= deployment.rpm().getAsLong()) {
            return false;
        }
        // written as a subtraction so that no sum of large figures can overflow
        return deployment.tpm().isEmpty() || load.tokensThisMinute() <= deployment.tpm().getAsLong() - request.estimatedPromptTokens();
    }
}
