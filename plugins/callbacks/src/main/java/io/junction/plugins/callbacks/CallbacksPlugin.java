package io.junction.plugins.callbacks;

import io.junction.plugins.callbacks.prometheus.PrometheusCallbackFactory;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.callback.CallbackFactory;

import java.util.List;

/** The logging callbacks plugin: {@code prometheus}. Each callback lives in its own package. */
public class CallbacksPlugin
        implements JunctionPlugin
{
    public CallbacksPlugin() {}

    @Override
    public List<CallbackFactory> callbackFactories()
    {
        return List.of(new PrometheusCallbackFactory());
    }
}
