package io.junction.tck.validate;

import io.junction.kernel.plugin.PluginHost;
import io.junction.spi.ConfigView;
import io.junction.spi.cache.CacheContext;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;
import io.junction.spi.cache.ResponseCache;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.Set;

/**
 * A loaded plugin's factories as the gateway calls them: {@code create} runs with the plugin's class loader as the
 * thread's context class loader (libraries such as Jackson look there), exactly as the kernel's {@code Gateway} does.
 * Everything else is passed through untouched, so the kits see the plugin's own answers.
 */
final class PluginFactories
{
    private PluginFactories() {}

    static ProviderAdapterFactory provider(Extension extension)
    {
        return new Provider((ProviderAdapterFactory) extension.factory(), extension.classLoader());
    }

    static RoutingStrategyFactory routingStrategy(Extension extension)
    {
        return new Routing((RoutingStrategyFactory) extension.factory(), extension.classLoader());
    }

    static CacheFactory cache(Extension extension)
    {
        return new Cache((CacheFactory) extension.factory(), extension.classLoader());
    }

    static CallbackFactory callback(Extension extension)
    {
        return new Callbacks((CallbackFactory) extension.factory(), extension.classLoader());
    }

    private record Provider(ProviderAdapterFactory delegate, ClassLoader loader)
            implements ProviderAdapterFactory
    {
        @Override
        public String name()
        {
            return delegate.name();
        }

        @Override
        public Set<String> modelPrefixes()
        {
            return delegate.modelPrefixes();
        }

        @Override
        public Set<Endpoint> endpoints()
        {
            return delegate.endpoints();
        }

        @Override
        public boolean streams()
        {
            return delegate.streams();
        }

        @Override
        public Set<String> secretKeys()
        {
            return delegate.secretKeys();
        }

        @Override
        public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
        {
            return PluginHost.withContextClassLoader(loader, () -> delegate.create(deployment, context));
        }

        @Override
        public String toString()
        {
            return delegate.toString();
        }
    }

    private record Routing(RoutingStrategyFactory delegate, ClassLoader loader)
            implements RoutingStrategyFactory
    {
        @Override
        public String name()
        {
            return delegate.name();
        }

        @Override
        public Set<String> secretKeys()
        {
            return delegate.secretKeys();
        }

        @Override
        public RoutingStrategy create(ConfigView settings, RoutingContext context)
        {
            return PluginHost.withContextClassLoader(loader, () -> delegate.create(settings, context));
        }

        @Override
        public String toString()
        {
            return delegate.toString();
        }
    }

    private record Cache(CacheFactory delegate, ClassLoader loader)
            implements CacheFactory
    {
        @Override
        public String name()
        {
            return delegate.name();
        }

        @Override
        public Set<String> secretKeys()
        {
            return delegate.secretKeys();
        }

        @Override
        public CacheKind kind()
        {
            return delegate.kind();
        }

        @Override
        public ResponseCache create(ConfigView params, CacheContext context)
        {
            return PluginHost.withContextClassLoader(loader, () -> delegate.create(params, context));
        }

        @Override
        public String toString()
        {
            return delegate.toString();
        }
    }

    private record Callbacks(CallbackFactory delegate, ClassLoader loader)
            implements CallbackFactory
    {
        @Override
        public String name()
        {
            return delegate.name();
        }

        @Override
        public Set<String> secretKeys()
        {
            return delegate.secretKeys();
        }

        @Override
        public Callback create(ConfigView settings, CallbackContext context)
        {
            return PluginHost.withContextClassLoader(loader, () -> delegate.create(settings, context));
        }

        @Override
        public String toString()
        {
            return delegate.toString();
        }
    }
}
