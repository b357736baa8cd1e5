package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.GatewayLauncher;
import io.junction.tck.bench.gateway.ProcFs;
import io.junction.tck.bench.load.PhaseListener;
import io.junction.tck.bench.load.Ticker;
import io.junction.tck.bench.upstream.FakeUpstream;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * What every scenario of a run shares.
 *
 * @param configOverride a gateway config given by the user, used instead of every scenario's template, or null
 * @param placeholders values for the configs' {@code {{placeholders}}} that hold for the whole run
 * @param masterKey the key the load generator presents to gateways
 * @param maxConnections connections per target the load generator may open (scenarios may need more)
 * @param requestTimeout per request
 * @param quietWait before each phase, how long to wait at most for other processes to leave the machine (0: not at all)
 * @param nginx the nginx binary for the baseline, if installed
 * @param clock wall-clock time, for per-minute quotas
 * @param listeners makes the listener (progress bar) of a phase from its label and request count
 */
public record BenchEnvironment(
        FakeUpstream upstream,
        GatewayLauncher launcher,
        String configOverride,
        Map<String, String> placeholders,
        String masterKey,
        int maxConnections,
        Duration requestTimeout,
        Duration quietWait,
        Optional<Path> nginx,
        Path runDirectory,
        ProcFs proc,
        long clockTicksPerSecond,
        Ticker ticker,
        InstantSource clock,
        RandomGenerator random,
        BiFunction<String, Long, PhaseListener> listeners)
{
    public BenchEnvironment
    {
        Objects.requireNonNull(upstream, "upstream is null");
        Objects.requireNonNull(launcher, "launcher is null");
        placeholders = Map.copyOf(placeholders);
        Objects.requireNonNull(masterKey, "masterKey is null");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1 but was " + maxConnections);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout is null");
        Objects.requireNonNull(quietWait, "quietWait is null");
        Objects.requireNonNull(nginx, "nginx is null");
        Objects.requireNonNull(runDirectory, "runDirectory is null");
        Objects.requireNonNull(proc, "proc is null");
        Objects.requireNonNull(ticker, "ticker is null");
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(random, "random is null");
        Objects.requireNonNull(listeners, "listeners is null");
    }

    // the master key is a benchmark setting, but keep the habit: never print keys
    @Override
    public String toString()
    {
        return "BenchEnvironment[upstream=" + upstream.baseUri() + ", launcher=" + launcher.describe() + "]";
    }
}
