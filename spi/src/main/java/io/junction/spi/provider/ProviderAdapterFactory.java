package io.junction.spi.provider;

import io.junction.spi.ExtensionFactory;

import java.util.Set;

/**
 * Creates the adapter of one deployment. The kernel picks the factory whose {@link #modelPrefixes()} contains the
 * prefix of {@code litellm_params.model} ({@code anthropic} in {@code anthropic/claude-sonnet-4}).
 */
public interface ProviderAdapterFactory
        extends ExtensionFactory
{
    /** The prefixes of {@code litellm_params.model} this adapter serves. */
    Set<String> modelPrefixes();

    /** The endpoints this provider serves; a request for another fails with a clear error before any call. */
    Set<Endpoint> endpoints();

    /** Whether {@code stream: true} is supported. */
    default boolean streams()
    {
        return true;
    }

    @Override
    default Set<String> secretKeys()
    {
        return Set.of("api_key");
    }

    /**
     * @throws io.junction.spi.ConfigException when the deployment's {@code litellm_params} cannot work
     */
    ProviderAdapter create(DeploymentSpec deployment, ProviderContext context);
}
