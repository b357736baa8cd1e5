package io.junction.tck.provider;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapterFactory;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a provider adapter declares it supports. A rule of a declared capability checks that it works; a rule of a
 * capability not declared checks that it is refused cleanly (the factory does not list it, or the adapter throws a
 * {@code ProviderException} of kind {@code INVALID_REQUEST} naming it) instead of answering something wrong.
 */
public enum ProviderCapability
{
    /** {@code /v1/chat/completions}. */
    CHAT,
    /** {@code stream: true} on chat completions. */
    STREAMING,
    /** {@code /v1/completions}. */
    COMPLETIONS,
    /** {@code /v1/embeddings}. */
    EMBEDDINGS,
    /** {@code tools} in a chat request, and {@code tool_calls} in its answer. */
    TOOLS,
    /** The provider tells a rate-limited caller how long to wait, and the adapter passes that on. */
    RETRY_AFTER,
    /**
     * The adapter calls its upstream over HTTP at the deployment's {@code api_base} through the kernel's upstream
     * client (every real provider; not a mock that answers by itself). The transport rules need it.
     */
    UPSTREAM_HTTP;

    /** What a factory says about itself: its endpoints and streaming, and that it calls an upstream over HTTP. */
    public static Set<ProviderCapability> derivedFrom(ProviderAdapterFactory factory)
    {
        Set<ProviderCapability> capabilities = EnumSet.of(UPSTREAM_HTTP);
        Set<Endpoint> endpoints = factory.endpoints();
        if (endpoints.contains(Endpoint.CHAT_COMPLETIONS)) {
            capabilities.add(CHAT);
            if (factory.streams()) {
                capabilities.add(STREAMING);
            }
        }
        if (endpoints.contains(Endpoint.COMPLETIONS)) {
            capabilities.add(COMPLETIONS);
        }
        if (endpoints.contains(Endpoint.EMBEDDINGS)) {
            capabilities.add(EMBEDDINGS);
        }
        return capabilities;
    }
}
