package io.junction.plugins.callbacks;

import io.junction.spi.JunctionPlugin;
import io.junction.spi.callback.CallbackFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbacksPluginTest
{
    @Test
    void offersPrometheusAndNothingOfOtherKinds()
            throws ReflectiveOperationException
    {
        // the kernel instantiates the entry point reflectively, through its public no-argument constructor
        JunctionPlugin plugin = CallbacksPlugin.class.getConstructor().newInstance();

        assertEquals(List.of("prometheus"), plugin.callbackFactories().stream().map(CallbackFactory::name).toList());
        assertTrue(plugin.callbackFactories().getFirst().secretKeys().isEmpty());
        assertTrue(plugin.providerAdapterFactories().isEmpty());
        assertTrue(plugin.routingStrategyFactories().isEmpty());
        assertTrue(plugin.cacheFactories().isEmpty());
    }
}
