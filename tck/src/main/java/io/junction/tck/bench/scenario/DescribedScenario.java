package io.junction.tck.bench.scenario;

import java.util.List;
import java.util.Objects;

/** What every scenario states about itself, fixed when it is built: its name, what it measures, its config templates. */
abstract class DescribedScenario
        implements Scenario
{
    private final String name;
    private final String description;
    private final List<String> configTemplates;

    protected DescribedScenario(String name, String description, List<String> configTemplates)
    {
        this.name = Objects.requireNonNull(name, "name is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.configTemplates = List.copyOf(configTemplates);
    }

    @Override
    public final String name()
    {
        return name;
    }

    @Override
    public final String description()
    {
        return description;
    }

    @Override
    public final List<String> configTemplates()
    {
        return configTemplates;
    }
}
