package io.junction.kernel.plugin;

import io.junction.spi.ExtensionFactory;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.routing.RoutingStrategyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The extension factories of all started plugins, by the names configuration uses. When two plugins claim the same
 * name (or provider prefix), the first loaded keeps it and the conflict is logged with both plugin ids.
 */
public final class ExtensionRegistry
{
    private static final Logger log = LoggerFactory.getLogger(ExtensionRegistry.class);

    private final Map<String, Registered<ProviderAdapterFactory>> providersByPrefix = new TreeMap<>();
    private final Map<String, Registered<RoutingStrategyFactory>> strategies = new TreeMap<>();
    private final Map<String, Registered<CacheFactory>> caches = new TreeMap<>();
    private final Map<String, Registered<CallbackFactory>> callbacks = new TreeMap<>();

    void addProvider(Registered<ProviderAdapterFactory> registered)
    {
        for (String prefix : registered.factory().modelPrefixes()) {
            claim(providersByPrefix, prefix, registered, "provider prefix");
        }
    }

    void addStrategy(Registered<RoutingStrategyFactory> registered)
    {
        claim(strategies, registered.factory().name(), registered, "routing strategy");
    }

    void addCache(Registered<CacheFactory> registered)
    {
        claim(caches, registered.factory().name(), registered, "cache type");
    }

    void addCallback(Registered<CallbackFactory> registered)
    {
        claim(callbacks, registered.factory().name(), registered, "callback");
    }

    public Optional<Registered<ProviderAdapterFactory>> provider(String prefix)
    {
        return Optional.ofNullable(providersByPrefix.get(prefix));
    }

    public Optional<Registered<RoutingStrategyFactory>> strategy(String name)
    {
        return Optional.ofNullable(strategies.get(name));
    }

    public Optional<Registered<CacheFactory>> cache(String type)
    {
        return Optional.ofNullable(caches.get(type));
    }

    public Optional<Registered<CallbackFactory>> callback(String name)
    {
        return Optional.ofNullable(callbacks.get(name));
    }

    public Set<String> providerPrefixes()
    {
        return new TreeSet<>(providersByPrefix.keySet());
    }

    public Set<String> strategyNames()
    {
        return new TreeSet<>(strategies.keySet());
    }

    public Set<String> cacheTypes()
    {
        return new TreeSet<>(caches.keySet());
    }

    public Set<String> callbackNames()
    {
        return new TreeSet<>(callbacks.keySet());
    }

    private static <F extends ExtensionFactory> void claim(Map<String, Registered<F>> byName, String name, Registered<F> registered, String what)
    {
        Registered<F> existing = byName.putIfAbsent(name, registered);
        if (existing != null && existing != registered) {
            log.warn("Plugins '{}' and '{}' both provide {} '{}'; keeping the one from '{}'",
                    existing.pluginId(), registered.pluginId(), what, name, existing.pluginId());
        }
    }
}
