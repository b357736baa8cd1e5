package io.junction.tck.validate;

import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider kit on a provider of a loaded plugin. Its native format is unknown, so there is no script: the
 * format rules report that they need the plugin's own test, and the transport and configuration rules run.
 */
@ExtendWith(ValidationTargets.Resolver.class)
public final class ValidatedProviderAdapter
        extends ProviderAdapterContract
{
    private final ValidationTarget target;
    private final ProviderAdapterFactory factory;

    public ValidatedProviderAdapter(ValidationTarget target)
    {
        this.target = target;
        this.factory = PluginFactories.provider(target.extension());
    }

    @Override
    protected ProviderAdapterFactory factory()
    {
        return factory;
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.empty();
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        Set<ProviderCapability> capabilities = EnumSet.copyOf(ProviderCapability.derivedFrom(factory));
        if (!target.callsUpstream()) {
            capabilities.remove(ProviderCapability.UPSTREAM_HTTP);
        }
        target.claimedCapabilities().forEach(name -> capabilities.add(ProviderCapability.valueOf(name)));
        return capabilities;
    }

    @Override
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        return target.providerParams(fakeBase, apiKey);
    }
}
