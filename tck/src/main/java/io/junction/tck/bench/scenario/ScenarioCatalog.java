package io.junction.tck.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every scenario, in the order {@code all} runs them, and their parameters ({@code scenarios.json}). */
public final class ScenarioCatalog
{
    private static final String PARAMETERS_RESOURCE = "/io/junction/tck/bench/scenarios.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final JsonNode parameters;

    private ScenarioCatalog(JsonNode parameters)
    {
        for (Scenario scenario : List.of(new OverheadScenario(), new MaxThroughputScenario(), new RateLimitedDeploymentsScenario(),
                new MultiInstanceRpmScenario(), new Concurrency1500Scenario(), new CallbacksNoImpactScenario(), new StreamingScenario(),
                new CacheHitScenario())) {
            scenarios.put(scenario.name(), scenario);
        }
        this.parameters = parameters;
        for (String name : scenarios.keySet()) {
            if (!parameters.path(name).isObject()) {
                throw new IllegalArgumentException("the scenario parameters have no object for '" + name + "'");
            }
        }
    }

    /** The shipped parameters, or those of {@code file} when given (a complete replacement, same shape). */
    public static ScenarioCatalog load(Optional<Path> file)
    {
        try {
            if (file.isPresent()) {
                return new ScenarioCatalog(JSON.readTree(Files.readString(file.get())));
            }
            try (InputStream in = ScenarioCatalog.class.getResourceAsStream(PARAMETERS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the tck jar lacks " + PARAMETERS_RESOURCE);
                }
                return new ScenarioCatalog(JSON.readTree(in));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario parameters: " + e.getMessage(), e);
        }
    }

    public List<String> names()
    {
        return List.copyOf(scenarios.keySet());
    }

    public Optional<Scenario> scenario(String name)
    {
        return Optional.ofNullable(scenarios.get(name));
    }

    public JsonNode parameters(String name)
    {
        return parameters.path(name);
    }
}
