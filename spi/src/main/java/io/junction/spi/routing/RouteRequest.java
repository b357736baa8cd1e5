package io.junction.spi.routing;

import io.junction.spi.provider.Endpoint;

import java.util.Objects;

/**
 * What a strategy knows of the request it routes.
 *
 * @param estimatedPromptTokens a cheap estimate of the prompt's size, to reserve against tpm
 */
public record RouteRequest(String modelGroup, Endpoint endpoint, boolean stream, int estimatedPromptTokens)
{
    public RouteRequest
    {
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(endpoint, "endpoint is null");
        if (estimatedPromptTokens < 0) {
            throw new IllegalArgumentException("estimatedPromptTokens must not be negative");
        }
    }
}
