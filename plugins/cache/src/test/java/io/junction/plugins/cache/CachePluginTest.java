package io.junction.plugins.cache;

import io.junction.spi.JunctionPlugin;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachePluginTest
{
    @Test
    void offersTheLocalExactCacheAndNothingOfOtherKinds()
            throws ReflectiveOperationException
    {
        // the kernel instantiates the entry point reflectively, through its public no-argument constructor
        JunctionPlugin plugin = CachePlugin.class.getConstructor().newInstance();

        List<CacheFactory> factories = plugin.cacheFactories();
        assertEquals(List.of("local"), factories.stream().map(CacheFactory::name).toList());
        assertEquals(CacheKind.EXACT, factories.getFirst().kind());
        assertTrue(plugin.providerAdapterFactories().isEmpty());
        assertTrue(plugin.routingStrategyFactories().isEmpty());
        assertTrue(plugin.callbackFactories().isEmpty());
    }
}
