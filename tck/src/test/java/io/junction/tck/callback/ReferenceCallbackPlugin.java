package io.junction.tck.callback;

import io.junction.spi.JunctionPlugin;
import io.junction.spi.callback.CallbackFactory;

import java.util.List;

/** The reference callback as a plugin, for the validator's tests: packed into a jar with its classes. */
public final class ReferenceCallbackPlugin
        implements JunctionPlugin
{
    @Override
    public List<CallbackFactory> callbackFactories()
    {
        return List.of(new ReferenceCallback.Factory(ReferenceCallback.Fault.NONE));
    }
}
