package io.junction.plugins.routing.contract;

import io.junction.plugins.routing.usage.UsageBasedFactory;
import io.junction.spi.routing.RoutingStrategyFactory;

/**
 * The routing kit on {@code usage-based-routing}, LiteLLM's first version's name: the plugin registers it as an
 * extension of its own, so the validator runs the kit on it too, with the same capabilities as v2.
 */
class UsageBasedFirstVersionContractTest
        extends UsageBasedContractTest
{
    @Override
    protected RoutingStrategyFactory factory()
    {
        return new UsageBasedFactory(UsageBasedFactory.FIRST_VERSION_NAME);
    }
}
