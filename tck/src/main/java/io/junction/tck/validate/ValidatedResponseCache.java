package io.junction.tck.validate;

import io.junction.spi.cache.CacheFactory;
import io.junction.tck.cache.CacheCapability;
import io.junction.tck.cache.ResponseCacheContract;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.Set;

/** The cache kit on a cache of a loaded plugin, created with its default parameters. */
@ExtendWith(ValidationTargets.Resolver.class)
public final class ValidatedResponseCache
        extends ResponseCacheContract
{
    private final ValidationTarget target;
    private final CacheFactory factory;

    public ValidatedResponseCache(ValidationTarget target)
    {
        this.target = target;
        this.factory = PluginFactories.cache(target.extension());
    }

    @Override
    protected CacheFactory factory()
    {
        return factory;
    }

    @Override
    protected Set<CacheCapability> capabilities()
    {
        Set<CacheCapability> capabilities = EnumSet.copyOf(CacheCapability.derivedFrom(factory));
        target.claimedCapabilities().forEach(name -> capabilities.add(CacheCapability.valueOf(name)));
        return capabilities;
    }
}
