package io.junction.tck.bench.scenario;

import java.util.List;
import java.util.Map;

/** One named benchmark. Scenarios are named after LiteLLM's published benchmarks where one exists. */
public interface Scenario
{
    String name();

    /** One or two sentences: what it measures and what a good result looks like. */
    String description();

    /** The gateway config templates it starts gateways with (see {@code GatewayConfigs}), for {@code --print-config}. */
    List<String> configTemplates();

    /** Scenario values for its config templates' placeholders (e.g. the rpm quotas), as {@code run} uses them. */
    default Map<String, String> configValues(ScenarioParameters parameters)
    {
        return Map.of();
    }

    ScenarioResult run(ScenarioContext context)
            throws Exception;
}
