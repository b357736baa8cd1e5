package io.junction.tck.validate;

import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.routing.RoutingCapability;
import io.junction.tck.routing.RoutingStrategyContract;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.Set;

/** The routing kit on a strategy of a loaded plugin, with the capabilities claimed on the command line. */
@ExtendWith(ValidationTargets.Resolver.class)
public final class ValidatedRoutingStrategy
        extends RoutingStrategyContract
{
    private final ValidationTarget target;
    private final RoutingStrategyFactory factory;

    public ValidatedRoutingStrategy(ValidationTarget target)
    {
        this.target = target;
        this.factory = PluginFactories.routingStrategy(target.extension());
    }

    @Override
    protected RoutingStrategyFactory factory()
    {
        return factory;
    }

    @Override
    protected Set<RoutingCapability> capabilities()
    {
        Set<RoutingCapability> capabilities = EnumSet.noneOf(RoutingCapability.class);
        target.claimedCapabilities().forEach(name -> capabilities.add(RoutingCapability.valueOf(name)));
        return capabilities;
    }
}
