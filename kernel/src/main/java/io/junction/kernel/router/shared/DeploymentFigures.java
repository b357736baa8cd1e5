package io.junction.kernel.router.shared;

/**
 * One deployment's figures in the shared store for one minute.
 *
 * @param cooldownUntil when its cooldown ends (epoch milliseconds), 0 when it is not cooling down
 */
public record DeploymentFigures(long requests, long tokens, long successes, long failures, long cooldownUntil)
{
    public static final DeploymentFigures NONE = new DeploymentFigures(0, 0, 0, 0, 0);
}
