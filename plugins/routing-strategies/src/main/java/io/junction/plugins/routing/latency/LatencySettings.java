package io.junction.plugins.routing.latency;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code router_settings.routing_strategy_args} of {@code latency-based-routing}. The first three are LiteLLM's
 * keys with LiteLLM's defaults; {@code probe_interval} is Junction's. Other keys are ignored, so the arguments of
 * another strategy may stay in the file.
 *
 * @param ttl {@code ttl} (seconds, default 3600): how long a sample counts; older samples fade with a time
 *        constant of a third of it, and a deployment whose newest sample is older than this is unknown again
 * @param lowestLatencyBuffer {@code lowest_latency_buffer} (default 0): pick at random among the deployments whose
 *        latency is at most {@code lowest * (1 + buffer)}
 * @param windowSamples {@code max_latency_list_size} (default 10): the newest sample always weighs at least
 *        {@code 1/windowSamples} of the average
 * @param probeInterval {@code probe_interval} (seconds, default 10): at most one exploratory request per
 *        deployment per interval, for a deployment with no (or no recent) samples
 */
public record LatencySettings(Duration ttl, double lowestLatencyBuffer, int windowSamples, Duration probeInterval)
{
    public static final String ARGS = "routing_strategy_args";
    public static final String TTL = "ttl";
    public static final String LOWEST_LATENCY_BUFFER = "lowest_latency_buffer";
    public static final String MAX_LATENCY_LIST_SIZE = "max_latency_list_size";
    public static final String PROBE_INTERVAL = "probe_interval";

    public static final LatencySettings DEFAULTS = new LatencySettings(Duration.ofHours(1), 0, 10, Duration.ofSeconds(10));

    public LatencySettings
    {
        Objects.requireNonNull(ttl, "ttl is null");
        Objects.requireNonNull(probeInterval, "probeInterval is null");
        if (ttl.toMillis() <= 0 || probeInterval.toMillis() <= 0) {
            throw new IllegalArgumentException("ttl and probeInterval must be at least a millisecond");
        }
        if (!(lowestLatencyBuffer >= 0) || lowestLatencyBuffer == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("lowestLatencyBuffer must be finite and not negative but was " + lowestLatencyBuffer);
        }
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windowSamples must be at least 1 but was " + windowSamples);
        }
    }

    /** Reads {@code routing_strategy_args} from {@code router_settings}; every value is checked, naming the key on error. */
    public static LatencySettings from(ConfigView routerSettings)
    {
        Optional<ConfigView> args = routerSettings.section(ARGS);
        if (args.isEmpty()) {
            return DEFAULTS;
        }
        ConfigView view = args.get();
        return new LatencySettings(
                seconds(view, TTL, DEFAULTS.ttl(), "how long a latency sample counts, e.g. 3600 (LiteLLM's default) or 300"),
                buffer(view),
                windowSamples(view),
                seconds(view, PROBE_INTERVAL, DEFAULTS.probeInterval(), "how often a deployment without recent samples may be tried, e.g. 10"));
    }

    private static Duration seconds(ConfigView view, String key, Duration fallback, String meaning)
    {
        Optional<Double> value = view.number(key);
        if (value.isEmpty()) {
            return fallback;
        }
        double seconds = value.get();
        // a positive whole number of milliseconds, and not so large that it stops meaning anything
        if (!(seconds >= 0.001) || seconds > 365 * 24 * 3600d) {
            throw new ConfigException(view.keyPath(key), "must be a number of seconds from 0.001 to 31536000 but was " + value.get()
                    + ". Fix: set " + view.keyPath(key) + " to " + meaning + ".");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static double buffer(ConfigView view)
    {
        Optional<Double> value = view.number(LOWEST_LATENCY_BUFFER);
        if (value.isEmpty()) {
            return DEFAULTS.lowestLatencyBuffer();
        }
        double buffer = value.get();
        if (!(buffer >= 0) || buffer == Double.POSITIVE_INFINITY) {
            throw new ConfigException(view.keyPath(LOWEST_LATENCY_BUFFER), "must be a fraction of the lowest latency, 0 or more, but was " + buffer
                    + ". Fix: set " + view.keyPath(LOWEST_LATENCY_BUFFER) + " to e.g. 0.5 to spread requests over deployments within 50% of the fastest, or 0 for the fastest only.");
        }
        return buffer;
    }

    private static int windowSamples(ConfigView view)
    {
        Optional<Long> value = view.integer(MAX_LATENCY_LIST_SIZE);
        if (value.isEmpty()) {
            return DEFAULTS.windowSamples();
        }
        long size = value.get();
        if (size < 1 || size > 100_000) {
            throw new ConfigException(view.keyPath(MAX_LATENCY_LIST_SIZE), "must be a whole number from 1 to 100000 but was " + size
                    + ". Fix: set " + view.keyPath(MAX_LATENCY_LIST_SIZE) + " to how many recent samples the average follows, e.g. 10 (LiteLLM's default).");
        }
        return (int) size;
    }
}
