package io.junction.spi.provider;

import io.junction.spi.ConfigView;

import java.util.Objects;

/**
 * One entry of {@code model_list}, as a provider adapter is created for it.
 *
 * @param id the deployment's id ({@code model_info.id}, or one the kernel derives from its config)
 * @param modelGroup the {@code model_name} clients ask for
 * @param provider the prefix of {@code litellm_params.model} ({@code openai} in {@code openai/gpt-4o})
 * @param model the upstream model name, without the prefix ({@code gpt-4o})
 * @param params all of {@code litellm_params} ({@code api_base}, {@code api_key}, {@code timeout}...)
 * @param timeouts the upstream timeouts configured for this deployment
 */
public record DeploymentSpec(String id, String modelGroup, String provider, String model, ConfigView params, UpstreamTimeouts timeouts)
{
    public DeploymentSpec
    {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(params, "params is null");
        Objects.requireNonNull(timeouts, "timeouts is null");
    }
}
