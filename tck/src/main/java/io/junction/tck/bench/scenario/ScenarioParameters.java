package io.junction.tck.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The numbers of one scenario (from {@code scenarios.json}, or the file given with {@code --scenarios-file}), with
 * durations scaled by the run's duration factor so CI can run every scenario briefly.
 */
public final class ScenarioParameters
{
    // a measured part shorter than this says nothing, whatever the factor
    private static final Duration SHORTEST_MEASURE = Duration.ofMillis(500);

    private final String scenario;
    private final JsonNode values;
    private final double durationFactor;
    private final OptionalDouble rateOverride;

    public ScenarioParameters(String scenario, JsonNode values, double durationFactor, OptionalDouble rateOverride)
    {
        this.scenario = Objects.requireNonNull(scenario, "scenario is null");
        this.values = Objects.requireNonNull(values, "values is null");
        if (!(durationFactor > 0)) {
            throw new IllegalArgumentException("duration factor must be positive but was " + durationFactor);
        }
        this.durationFactor = durationFactor;
        this.rateOverride = Objects.requireNonNull(rateOverride, "rateOverride is null");
    }

    public double number(String key)
    {
        JsonNode value = values.get(key);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("scenario " + scenario + " needs a number '" + key + "' in its parameters");
        }
        return value.asDouble();
    }

    public int integer(String key)
    {
        return (int) Math.round(number(key));
    }

    public List<Double> numbers(String key)
    {
        JsonNode value = values.get(key);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario + " needs a list of numbers '" + key + "' in its parameters");
        }
        List<Double> numbers = new ArrayList<>();
        value.forEach(each -> numbers.add(each.asDouble()));
        return numbers;
    }

    /** The scenario's {@code rate}, unless {@code --rate} overrides it. */
    public double rate()
    {
        return rateOverride.orElse(number("rate"));
    }

    public boolean rateOverridden()
    {
        return rateOverride.isPresent();
    }

    /** A duration in seconds as written, not scaled (e.g. an upstream latency). */
    public Duration fixedMillis(String key)
    {
        return Duration.ofNanos(Math.round(number(key) * 1e6));
    }

    /** A warm-up duration in seconds, scaled by the duration factor. */
    public Duration warmup(String key)
    {
        return Duration.ofNanos(Math.round(number(key) * durationFactor * 1e9));
    }

    /** A measured duration in seconds, scaled by the duration factor, never shorter than half a second. */
    public Duration measure(String key)
    {
        Duration scaled = Duration.ofNanos(Math.round(number(key) * durationFactor * 1e9));
        return scaled.compareTo(SHORTEST_MEASURE) < 0 ? SHORTEST_MEASURE : scaled;
    }

    public double durationFactor()
    {
        return durationFactor;
    }

    public JsonNode raw()
    {
        return values;
    }
}
