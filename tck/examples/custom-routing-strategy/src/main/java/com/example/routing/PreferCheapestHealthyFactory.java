package com.example.routing;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code routing_strategy: prefer-cheapest-healthy}. One setting, under {@code router_settings.routing_strategy_args}:
 * {@code failure_cooldown_seconds}, how long a deployment whose attempt failed is passed over (default 60).
 */
public final class PreferCheapestHealthyFactory
        implements RoutingStrategyFactory
{
    public static final String NAME = "prefer-cheapest-healthy";
    public static final String ARGS = "routing_strategy_args";
    public static final String FAILURE_COOLDOWN = "failure_cooldown_seconds";
    public static final Duration DEFAULT_FAILURE_COOLDOWN = Duration.ofSeconds(60);

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public RoutingStrategy create(ConfigView settings, RoutingContext context)
    {
        Optional<ConfigView> args = settings.section(ARGS);
        // seconds() refuses negative and non-numeric values itself, naming the key
        Duration cooldown = args.flatMap(section -> section.seconds(FAILURE_COOLDOWN)).orElse(DEFAULT_FAILURE_COOLDOWN);
        if (cooldown.isZero()) {
            String key = settings.keyPath(ARGS + "." + FAILURE_COOLDOWN);
            throw new ConfigException(key, "must be more than 0 seconds but was 0. Fix: set " + key + " to a number of seconds, "
                    + "or remove it for the default of " + DEFAULT_FAILURE_COOLDOWN.toSeconds() + ".");
        }
        return new PreferCheapestHealthyStrategy(cooldown, context.random(), context.clock());
    }
}
