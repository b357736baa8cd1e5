package io.junction.plugins.routing.latency;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.tck.kit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencySettingsTest
{
    @Test
    void withoutArgumentsTheDefaultsAreLiteLlms()
    {
        LatencySettings settings = LatencySettings.from(ConfigView.empty("router_settings"));

        assertEquals(new LatencySettings(Duration.ofHours(1), 0, 10, Duration.ofSeconds(10)), settings);
    }

    @Test
    void readsLiteLlmsKeysAsYamlWritesThem()
    {
        LatencySettings settings = LatencySettings.from(routerSettings(Map.of(
                "ttl", 10,
                "lowest_latency_buffer", "0.5",
                "max_latency_list_size", 20,
                "probe_interval", 2.5,
                "some_other_strategys_key", "ignored")));

        assertEquals(new LatencySettings(Duration.ofSeconds(10), 0.5, 20, Duration.ofMillis(2_500)), settings);
    }

    @Test
    void invalidValuesNameTheKeyTheValueAndTheFix()
    {
        assertRefused(Map.of("ttl", 0), "router_settings.routing_strategy_args.ttl", "0.0");
        assertRefused(Map.of("ttl", -5), "router_settings.routing_strategy_args.ttl", "-5.0");
        assertRefused(Map.of("lowest_latency_buffer", -0.1), "router_settings.routing_strategy_args.lowest_latency_buffer", "-0.1");
        assertRefused(Map.of("lowest_latency_buffer", "Infinity"), "router_settings.routing_strategy_args.lowest_latency_buffer", "Infinity");
        assertRefused(Map.of("max_latency_list_size", 0), "router_settings.routing_strategy_args.max_latency_list_size", "0");
        assertRefused(Map.of("probe_interval", "NaN"), "router_settings.routing_strategy_args.probe_interval", "NaN");
        assertRefused(Map.of("ttl", "an hour"), "router_settings.routing_strategy_args.ttl", "'an hour'");
        assertRefused(Map.of("max_latency_list_size", 2.5), "router_settings.routing_strategy_args.max_latency_list_size", "2.5");
    }

    @Test
    void argumentsThatAreNotAMappingAreRefused()
    {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> LatencySettings.from(new ConfigView("router_settings", Map.of("routing_strategy_args", List.of("ttl", 10)))));

        assertEquals("router_settings.routing_strategy_args", refused.key());
    }

    @Test
    void theFactoryAppliesTheArguments()
    {
        Object strategy = new LatencyBasedFactory().create(routerSettings(Map.of("ttl", 30)), new RoutingContext(new SplittableRandom(1), new ManualClock()));

        assertInstanceOf(LatencyBasedStrategy.class, strategy);
        assertThrows(ConfigException.class, () -> new LatencyBasedFactory().create(routerSettings(Map.of("ttl", -1)),
                new RoutingContext(new SplittableRandom(1), new ManualClock())));
    }

    private static void assertRefused(Map<String, Object> args, String key, String value)
    {
        ConfigException refused = assertThrows(ConfigException.class, () -> LatencySettings.from(routerSettings(args)));
        assertEquals(key, refused.key());
        assertTrue(refused.getMessage().contains(value), "the message should show the value " + value + ": " + refused.getMessage());
        assertTrue(refused.getMessage().contains("Fix:") || refused.getMessage().contains("expected"), "the message should say how to fix it: " + refused.getMessage());
    }

    private static ConfigView routerSettings(Map<String, Object> args)
    {
        return new ConfigView("router_settings", Map.of("routing_strategy", "latency-based-routing", "routing_strategy_args", args));
    }
}
