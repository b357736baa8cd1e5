package io.junction.spi.routing;

import java.util.Objects;

/** A healthy deployment that may take the request, with its live load. */
public record Candidate(Deployment deployment, DeploymentLoad load)
{
    public Candidate
    {
        Objects.requireNonNull(deployment, "deployment is null");
        Objects.requireNonNull(load, "load is null");
    }

    public String id()
    {
        return deployment.id();
    }
}
