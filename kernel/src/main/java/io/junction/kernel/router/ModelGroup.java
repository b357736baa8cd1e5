package io.junction.kernel.router;

import java.util.List;

/** The deployments that serve one {@code model_name}. */
public record ModelGroup(String name, List<DeploymentRuntime> deployments)
{
    public ModelGroup
    {
        deployments = List.copyOf(deployments);
    }
}
