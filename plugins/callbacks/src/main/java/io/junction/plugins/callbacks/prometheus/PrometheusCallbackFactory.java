package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.ConfigView;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.CallbackFactory;

/** {@code callbacks: ["prometheus"]}, as in LiteLLM: request metrics served at {@code GET /metrics}. */
public final class PrometheusCallbackFactory
        implements CallbackFactory
{
    public static final String NAME = "prometheus";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Callback create(ConfigView settings, CallbackContext context)
    {
        return new PrometheusCallback(context);
    }
}
