package io.junction.spi.routing;

/**
 * The live figures the kernel keeps for a deployment, as of the routing decision.
 *
 * @param inFlight requests sent to the deployment and not yet finished
 * @param requestsThisMinute requests counted against its rpm in the current UTC minute
 * @param tokensThisMinute tokens counted against its tpm in the current UTC minute
 */
public record DeploymentLoad(int inFlight, long requestsThisMinute, long tokensThisMinute)
{
    public static final DeploymentLoad IDLE = new DeploymentLoad(0, 0, 0);

    public DeploymentLoad
    {
        if (inFlight < 0 || requestsThisMinute < 0 || tokensThisMinute < 0) {
            throw new IllegalArgumentException("load figures must not be negative");
        }
    }
}
