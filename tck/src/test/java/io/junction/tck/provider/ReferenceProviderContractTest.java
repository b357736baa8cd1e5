package io.junction.tck.provider;

import io.junction.spi.provider.ProviderAdapterFactory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The provider kit on a correct adapter that declares every capability: every rule passes. */
class ReferenceProviderContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        return new ReferenceProvider.Factory(ReferenceProvider.Fault.NONE);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new ReferenceProvider.Script());
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.allOf(ProviderCapability.class);
    }

    @Override
    protected Set<String> requiredParams()
    {
        return Set.of("api_base");
    }
}
