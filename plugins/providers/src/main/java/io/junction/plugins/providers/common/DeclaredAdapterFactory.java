package io.junction.plugins.providers.common;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapterFactory;

import java.util.Objects;
import java.util.Set;

/**
 * A provider factory whose declaration (its name, the model prefixes it serves, its endpoints and the
 * {@code litellm_params} holding secrets) is fixed when it is made, so a provider says only what it declares and
 * how it creates an adapter.
 */
public abstract class DeclaredAdapterFactory
        implements ProviderAdapterFactory
{
    private final String name;
    private final Set<String> modelPrefixes;
    private final Set<Endpoint> endpoints;
    private final Set<String> secretKeys;

    /** The sets are kept as given (not copied), so a prefix set keeps the order its provider lists it in. */
    protected DeclaredAdapterFactory(String name, Set<String> modelPrefixes, Set<Endpoint> endpoints, Set<String> secretKeys)
    {
        this.name = Objects.requireNonNull(name, "name is null");
        this.modelPrefixes = Objects.requireNonNull(modelPrefixes, "modelPrefixes is null");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints is null");
        this.secretKeys = Objects.requireNonNull(secretKeys, "secretKeys is null");
    }

    @Override
    public final String name()
    {
        return name;
    }

    @Override
    public final Set<String> modelPrefixes()
    {
        return modelPrefixes;
    }

    @Override
    public final Set<Endpoint> endpoints()
    {
        return endpoints;
    }

    @Override
    public final Set<String> secretKeys()
    {
        return secretKeys;
    }
}
