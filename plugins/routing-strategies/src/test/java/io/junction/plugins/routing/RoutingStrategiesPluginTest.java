package io.junction.plugins.routing;

import io.junction.spi.ConfigView;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;
import org.junit.jupiter.api.Test;

import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;

import static io.junction.plugins.routing.TestCandidates.idle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingStrategiesPluginTest
{
    @Test
    void offersLiteLlmsRoutingStrategiesAndNothingOfOtherKinds()
            throws ReflectiveOperationException
    {
        // the kernel instantiates the entry point reflectively, through its public no-argument constructor
        JunctionPlugin plugin = RoutingStrategiesPlugin.class.getConstructor().newInstance();

        assertEquals(List.of("simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing-v2", "usage-based-routing", "cost-based-routing"),
                plugin.routingStrategyFactories().stream().map(RoutingStrategyFactory::name).toList());
        assertTrue(plugin.providerAdapterFactories().isEmpty());
        assertTrue(plugin.cacheFactories().isEmpty());
        assertTrue(plugin.callbackFactories().isEmpty());
    }

    @Test
    void strategyDrawsFromTheInjectedGenerator()
    {
        RoutingStrategyFactory factory = new RoutingStrategiesPlugin().routingStrategyFactories().getFirst();
        List<Candidate> candidates = List.of(idle("a"), idle("b"), idle("c"));
        RouteRequest request = new RouteRequest(TestCandidates.GROUP, Endpoint.CHAT_COMPLETIONS, true, 0);

        RoutingStrategy first = factory.create(ConfigView.empty("router_settings"), new RoutingContext(new SplittableRandom(9), InstantSource.system()));
        RoutingStrategy second = factory.create(ConfigView.empty("router_settings"), new RoutingContext(new SplittableRandom(9), InstantSource.system()));
        SplittableRandom reference = new SplittableRandom(9);

        for (int i = 0; i < 200; i++) {
            String expected = candidates.get(reference.nextInt(candidates.size())).id();
            assertEquals(expected, first.select(request, candidates).orElseThrow().id());
            assertEquals(expected, second.select(request, candidates).orElseThrow().id());
        }
    }
}
