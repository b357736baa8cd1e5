package io.junction.tck.bench.report;

import io.junction.tck.bench.budget.BudgetVerdict;
import io.junction.tck.bench.scenario.ScenarioResult;

import java.util.List;
import java.util.Objects;

/** Everything a run found: written as JSON (all of it), Markdown (the tables) and HTML (tables and percentile plots). */
public record BenchReport(RunInfo run, List<ScenarioResult> scenarios, List<BudgetVerdict> verdicts)
{
    public BenchReport
    {
        Objects.requireNonNull(run, "run is null");
        scenarios = List.copyOf(scenarios);
        verdicts = List.copyOf(verdicts);
    }
}
