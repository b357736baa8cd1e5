package io.junction.spi;

import io.junction.spi.cache.CacheFactory;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.List;

/**
 * The entry point of a plugin jar, named by the {@code Plugin-Class} entry of its manifest.
 * <p>
 * Every method defaults to "nothing", so a plugin overrides only the kinds of extension it provides, and a
 * new kind of extension added to this interface never breaks an existing plugin. The class needs a public
 * no-argument constructor; the kernel instantiates it once, in the plugin's own class loader.
 */
public interface JunctionPlugin
{
    default List<ProviderAdapterFactory> providerAdapterFactories()
    {
        return List.of();
    }

    default List<RoutingStrategyFactory> routingStrategyFactories()
    {
        return List.of();
    }

    default List<CacheFactory> cacheFactories()
    {
        return List.of();
    }

    default List<CallbackFactory> callbackFactories()
    {
        return List.of();
    }
}
