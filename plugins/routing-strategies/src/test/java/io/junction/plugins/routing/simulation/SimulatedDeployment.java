package io.junction.plugins.routing.simulation;

import io.junction.plugins.routing.cost.TokenPrice;
import io.junction.spi.routing.Deployment;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A deployment as the simulator plays it: what its configuration tells the router, and how it really behaves.
 *
 * @param configuredPrice the price its configuration declares (per token), if any; else the router looks it up
 * @param truePrice what a call really costs, for the bill (per token)
 * @param firstTokenMillis median time to the first token when idle
 * @param millisPerToken generation time per completion token when idle
 * @param sigma spread of the log-normal noise on both (0.3 is steady, 0.6 is spiky)
 * @param capacity how many requests it serves at full speed; each one in flight beyond that slows every answer
 *        by {@code 1/capacity}
 * @param failureRate share of attempts that fail with a quick server error
 * @param degradation a window in which it slows down and fails more, if any
 */
record SimulatedDeployment(
        String id,
        String provider,
        String model,
        OptionalLong rpm,
        OptionalLong tpm,
        Optional<TokenPrice> configuredPrice,
        TokenPrice truePrice,
        double firstTokenMillis,
        double millisPerToken,
        double sigma,
        int capacity,
        double failureRate,
        Optional<Degradation> degradation)
{
    static final String GROUP = "chat";

    SimulatedDeployment
    {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(configuredPrice, "configuredPrice is null");
        Objects.requireNonNull(truePrice, "truePrice is null");
        Objects.requireNonNull(degradation, "degradation is null");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
    }

    /**
     * A stretch of the run in which the deployment is {@code slowdown} times slower and fails {@code failureRate}
     * more of its attempts, {@code timeoutShare} of those by timing out.
     */
    record Degradation(Duration from, Duration until, double slowdown, double failureRate, double timeoutShare)
    {
        boolean covers(long elapsedMillis)
        {
            return elapsedMillis >= from.toMillis() && elapsedMillis < until.toMillis();
        }
    }

    Deployment toDeployment()
    {
        return new Deployment(id, GROUP, provider, model, OptionalDouble.empty(), rpm, tpm,
                configuredPrice.map(price -> OptionalDouble.of(price.input())).orElse(OptionalDouble.empty()),
                configuredPrice.map(price -> OptionalDouble.of(price.output())).orElse(OptionalDouble.empty()),
                Map.of());
    }

    boolean degradedAt(long elapsedMillis)
    {
        return degradation.isPresent() && degradation.get().covers(elapsedMillis);
    }
}
