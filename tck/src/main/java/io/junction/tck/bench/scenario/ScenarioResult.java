package io.junction.tck.bench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario found.
 *
 * @param status whether it ran; a skipped or failed scenario says why in {@code reason}
 * @param metrics the named figures budgets refer to ({@code added_p99_ms}, {@code throughput_vs_nginx}...)
 * @param notes what a reader should know to interpret the figures
 */
public record ScenarioResult(String name, String description, Status status, String reason, List<PhaseResult> phases, List<Comparison> comparisons,
        Map<String, Double> metrics, List<String> notes)
{
    public enum Status
    {
        COMPLETED,
        SKIPPED,
        FAILED
    }

    public ScenarioResult
    {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(status, "status is null");
        phases = List.copyOf(phases);
        comparisons = List.copyOf(comparisons);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        notes = List.copyOf(notes);
    }

    public static ScenarioResult notRun(String name, String description, Status status, String reason)
    {
        return new ScenarioResult(name, description, status, reason, List.of(), List.of(), Map.of(), List.of());
    }

    /** Collects a scenario's findings as it runs. */
    public static final class Builder
    {
        private final String name;
        private final String description;
        private final List<PhaseResult> phases = new ArrayList<>();
        private final List<Comparison> comparisons = new ArrayList<>();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        public Builder(String name, String description)
        {
            this.name = name;
            this.description = description;
        }

        public Builder phase(PhaseResult phase)
        {
            phases.add(phase);
            return this;
        }

        public Builder comparison(Comparison comparison)
        {
            comparisons.add(comparison);
            return this;
        }

        public Builder metric(String key, double value)
        {
            if (Double.isFinite(value)) {
                metrics.put(key, value);
            }
            return this;
        }

        public Builder note(String note)
        {
            notes.add(note);
            return this;
        }

        public ScenarioResult completed()
        {
            return new ScenarioResult(name, description, Status.COMPLETED, null, phases, comparisons, metrics, notes);
        }
    }
}
