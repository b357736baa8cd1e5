package com.example.broken;

import io.junction.spi.ConfigView;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A broken third-party plugin the validator must reject, built by the tests of the tck and of the distribution (it is
 * compiled against the SPI jar alone, so it lives outside the test sources): a strategy that, given three candidates
 * or more, answers with a deployment of its own. Rule R3 forbids it.
 */
public class StrangerPlugin implements JunctionPlugin
{
    @Override
    public List<RoutingStrategyFactory> routingStrategyFactories()
    {
        return List.of(new RoutingStrategyFactory()
        {
            @Override
            public String name()
            {
                return "always-the-spare";
            }

            @Override
            public RoutingStrategy create(ConfigView settings, RoutingContext context)
            {
                // a deployment of its own, not one of the candidates: the kernel would treat it as a fault
                Deployment spare = new Deployment("spare", "any", "openai", "gpt-4o", OptionalDouble.empty(),
                        OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Map.of());
                return (request, candidates) -> candidates.size() > 2
                        ? Optional.of(new Candidate(spare, DeploymentLoad.IDLE))
                        : candidates.stream().findFirst();
            }
        });
    }
}
