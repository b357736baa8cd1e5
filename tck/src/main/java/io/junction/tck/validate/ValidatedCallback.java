package io.junction.tck.validate;

import io.junction.spi.callback.CallbackFactory;
import io.junction.tck.callback.CallbackCapability;
import io.junction.tck.callback.CallbackContract;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

/** The callback kit on a callback of a loaded plugin, created with its default settings. */
@ExtendWith(ValidationTargets.Resolver.class)
public final class ValidatedCallback
        extends CallbackContract
{
    private final ValidationTarget target;
    private final CallbackFactory factory;
    // the default probes a created callback for routes: do that once per rule, not at every question
    private Set<CallbackCapability> capabilities;

    public ValidatedCallback(ValidationTarget target)
    {
        this.target = target;
        this.factory = PluginFactories.callback(target.extension());
    }

    @Override
    protected CallbackFactory factory()
    {
        return factory;
    }

    @Override
    protected Set<CallbackCapability> capabilities()
    {
        if (capabilities == null) {
            Set<CallbackCapability> derived = super.capabilities();
            target.claimedCapabilities().forEach(name -> derived.add(CallbackCapability.valueOf(name)));
            capabilities = derived;
        }
        return capabilities;
    }
}
