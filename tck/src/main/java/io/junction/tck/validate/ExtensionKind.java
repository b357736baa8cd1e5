package io.junction.tck.validate;

import io.junction.tck.cache.CacheCapability;
import io.junction.tck.callback.CallbackCapability;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.routing.RoutingCapability;

import java.util.Arrays;
import java.util.List;

/** The four extension points, with the capability names their kits know. */
public enum ExtensionKind
{
    PROVIDER("provider adapter", ProviderCapability.values()),
    ROUTING_STRATEGY("routing strategy", RoutingCapability.values()),
    CACHE("cache", CacheCapability.values()),
    CALLBACK("callback", CallbackCapability.values());

    private final String label;
    private final List<String> capabilities;

    ExtensionKind(String label, Enum<?>[] capabilities)
    {
        this.label = label;
        this.capabilities = Arrays.stream(capabilities).map(Enum::name).toList();
    }

    /** How a report names the kind: "routing strategy". */
    public String label()
    {
        return label;
    }

    public List<String> capabilities()
    {
        return capabilities;
    }

    public boolean knows(String capability)
    {
        return capabilities.contains(capability);
    }
}
