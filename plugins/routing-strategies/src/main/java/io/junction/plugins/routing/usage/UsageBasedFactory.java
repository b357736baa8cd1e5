package io.junction.plugins.routing.usage;

import io.junction.spi.ConfigView;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;

import java.util.Objects;

/**
 * {@code routing_strategy: usage-based-routing-v2}; also registered as {@code usage-based-routing} (LiteLLM's
 * first version, with the same meaning), so configurations naming either load unchanged. It takes no settings of
 * its own: the quotas are each deployment's {@code rpm} and {@code tpm}.
 */
public final class UsageBasedFactory
        implements RoutingStrategyFactory
{
    public static final String NAME = "usage-based-routing-v2";
    public static final String FIRST_VERSION_NAME = "usage-based-routing";

    private final String name;

    public UsageBasedFactory()
    {
        this(NAME);
    }

    public UsageBasedFactory(String name)
    {
        this.name = Objects.requireNonNull(name, "name is null");
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public RoutingStrategy create(ConfigView settings, RoutingContext context)
    {
        return new UsageBasedStrategy(context.random());
    }
}
