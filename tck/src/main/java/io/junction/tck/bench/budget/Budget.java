package io.junction.tck.bench.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A limit on one metric of one scenario: {@code max} (the metric must not exceed it), {@code min} (must not fall
 * below), or both. An enforced budget that is broken makes the run exit non-zero; a reference budget (LiteLLM's
 * published figures) is only reported.
 *
 * @param source who set it: {@code junction}, or the publication a reference figure comes from
 */
public record Budget(String scenario, String metric, Double max, Double min, boolean enforced, String source, String note)
{
    public Budget
    {
        requireText(scenario, "scenario");
        requireText(metric, "metric");
        if (max == null && min == null) {
            throw new IllegalArgumentException("budget " + scenario + "." + metric + " needs a max or a min");
        }
        if (max != null && min != null && min > max) {
            throw new IllegalArgumentException("budget " + scenario + "." + metric + " has min " + min + " above max " + max);
        }
        source = source == null ? "junction" : source;
    }

    /** As written in a budgets file: {@code enforced} defaults to true. */
    @JsonCreator
    public static Budget of(@JsonProperty("scenario") String scenario, @JsonProperty("metric") String metric, @JsonProperty("max") Double max,
            @JsonProperty("min") Double min, @JsonProperty("enforced") Boolean enforced, @JsonProperty("source") String source,
            @JsonProperty("note") String note)
    {
        return new Budget(scenario, metric, max, min, enforced == null || enforced, source, note);
    }

    public String key()
    {
        return scenario + "." + metric;
    }

    private static void requireText(String value, String name)
    {
        Objects.requireNonNull(value, "a budget needs a " + name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a budget's " + name + " must not be blank");
        }
    }
}
