package io.junction.spi.callback;

import java.util.Objects;

/** A deployment's live figures at the moment they are read, for gauges such as in-flight requests. */
public record LiveDeployment(String deploymentId, String modelGroup, int inFlight)
{
    public LiveDeployment
    {
        Objects.requireNonNull(deploymentId, "deploymentId is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
    }
}
