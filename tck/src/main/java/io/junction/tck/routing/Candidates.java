package io.junction.tck.routing;

import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The deployments the routing kit routes between: one model group, no prices unless a rule sets them. */
public final class Candidates
{
    public static final String MODEL_GROUP = "tck-group";

    private Candidates() {}

    /** An idle candidate without weight, quotas or prices. */
    public static Candidate idle(String id)
    {
        return new Candidate(deployment(id, OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty()), DeploymentLoad.IDLE);
    }

    /** A candidate with an rpm and a tpm quota and the load counted against them this minute. */
    public static Candidate withQuota(String id, long rpm, long tpm, DeploymentLoad load)
    {
        return new Candidate(deployment(id, OptionalDouble.empty(), OptionalLong.of(rpm), OptionalLong.of(tpm)), load);
    }

    public static Candidate weighted(String id, double weight, DeploymentLoad load)
    {
        return new Candidate(deployment(id, OptionalDouble.of(weight), OptionalLong.empty(), OptionalLong.empty()), load);
    }

    public static Deployment deployment(String id, OptionalDouble weight, OptionalLong rpm, OptionalLong tpm)
    {
        return new Deployment(id, MODEL_GROUP, "openai", "tck-model-" + id, weight, rpm, tpm,
                OptionalDouble.empty(), OptionalDouble.empty(), Map.of());
    }
}
