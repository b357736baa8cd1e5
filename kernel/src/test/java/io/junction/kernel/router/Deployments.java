package io.junction.kernel.router;

import io.junction.kernel.config.ModelDeployment;
import io.junction.spi.ConfigView;
import io.junction.spi.provider.Endpoint;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/** Deployments for router tests: no adapter (the tests' attempt runners stand in for the upstream). */
final class Deployments
{
    private Deployments() {}

    static DeploymentRuntime of(String id, String group, InstantSource clock)
    {
        return of(id, group, OptionalLong.empty(), OptionalLong.empty(), Map.of(), clock);
    }

    static DeploymentRuntime withRpm(String id, String group, long rpm, InstantSource clock)
    {
        return of(id, group, OptionalLong.of(rpm), OptionalLong.empty(), Map.of(), clock);
    }

    static DeploymentRuntime withContextWindow(String id, String group, long maxInputTokens, InstantSource clock)
    {
        return of(id, group, OptionalLong.empty(), OptionalLong.empty(), Map.of("max_input_tokens", maxInputTokens), clock);
    }

    static DeploymentRuntime of(String id, String group, OptionalLong rpm, OptionalLong tpm, Map<String, Object> modelInfo, InstantSource clock)
    {
        ModelDeployment config = new ModelDeployment(id, group, "scripted", id, ConfigView.empty("p"), modelInfo, OptionalDouble.empty(), rpm, tpm,
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        return new DeploymentRuntime(config, request -> null, "plugin", Set.of(Endpoint.CHAT_COMPLETIONS), true, clock);
    }
}
