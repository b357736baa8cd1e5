package com.example.routing;

import io.junction.spi.JunctionPlugin;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.List;

/** The plugin's entry class, named by Plugin-Class in the jar's manifest: it provides one routing strategy. */
public final class CheapestHealthyPlugin
        implements JunctionPlugin
{
    public CheapestHealthyPlugin() {}

    @Override
    public List<RoutingStrategyFactory> routingStrategyFactories()
    {
        return List.of(new PreferCheapestHealthyFactory());
    }
}
