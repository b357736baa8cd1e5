package io.junction.tck.provider;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapterFactory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The provider kit on a correct adapter that serves chat only, without tools: the rules of the capabilities it does
 * not declare check that they are refused cleanly, and pass.
 */
class ChatOnlyProviderContractTest
        extends ProviderAdapterContract
{
    @Override
    protected ProviderAdapterFactory factory()
    {
        return new ReferenceProvider.Factory(ReferenceProvider.Fault.NONE, Set.of(Endpoint.CHAT_COMPLETIONS), false);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new ReferenceProvider.Script());
    }

    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.UPSTREAM_HTTP);
    }
}
