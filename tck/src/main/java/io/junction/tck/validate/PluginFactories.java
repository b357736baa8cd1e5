package io.junction.tck.validate;

import io.junction.kernel.plugin.PluginHost;
import io.junction.spi.ExtensionFactory;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;

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
        return inPluginLoader(ProviderAdapterFactory.class, extension);
    }

    static RoutingStrategyFactory routingStrategy(Extension extension)
    {
        return inPluginLoader(RoutingStrategyFactory.class, extension);
    }

    static CacheFactory cache(Extension extension)
    {
        return inPluginLoader(CacheFactory.class, extension);
    }

    static CallbackFactory callback(Extension extension)
    {
        return inPluginLoader(CallbackFactory.class, extension);
    }

    /**
     * The extension's factory seen through its SPI interface. A proxy rather than one wrapper per interface: every
     * factory has one {@code create} to run in the plugin's loader, and its other methods pass straight through (but
     * {@code equals} and {@code hashCode}, which are the proxy's identity).
     */
    private static <F extends ExtensionFactory> F inPluginLoader(Class<F> type, Extension extension)
    {
        F delegate = type.cast(extension.factory());
        ClassLoader loader = extension.classLoader();
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "create" -> PluginHost.withContextClassLoader(loader, () -> invoke(method, delegate, args));
            // the plugin's own equals would never recognise the proxy, not even as itself
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> invoke(method, delegate, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Calls the plugin's method and lets its own exception through, not reflection's wrapper around it. */
    private static Object invoke(Method method, Object delegate, Object[] args)
    {
        try {
            return method.invoke(delegate, args);
        }
        catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            // the SPI declares no checked exception; a plugin that throws one anyway is reported as the proxy would
            throw new UndeclaredThrowableException(thrown);
        }
        catch (IllegalAccessException e) {
            // the methods are the SPI's public interface methods: unreachable unless the SPI itself changes
            throw new IllegalStateException("cannot call " + method + " on " + delegate.getClass().getName(), e);
        }
    }
}
