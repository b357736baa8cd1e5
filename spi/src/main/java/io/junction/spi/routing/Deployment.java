package io.junction.spi.routing;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The static facts about one deployment that a routing strategy may weigh.
 *
 * @param weight {@code litellm_params.weight}
 * @param rpm the requests-per-minute quota ({@code litellm_params.rpm})
 * @param tpm the tokens-per-minute quota ({@code litellm_params.tpm})
 * @param inputCostPerToken price of a prompt token in USD, when known
 * @param outputCostPerToken price of a completion token in USD, when known
 * @param modelInfo {@code model_info} as configured (context window, and so on)
 */
public record Deployment(
        String id,
        String modelGroup,
        String provider,
        String model,
        OptionalDouble weight,
        OptionalLong rpm,
        OptionalLong tpm,
        OptionalDouble inputCostPerToken,
        OptionalDouble outputCostPerToken,
        Map<String, Object> modelInfo)
{
    public Deployment
    {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(weight, "weight is null");
        Objects.requireNonNull(rpm, "rpm is null");
        Objects.requireNonNull(tpm, "tpm is null");
        Objects.requireNonNull(inputCostPerToken, "inputCostPerToken is null");
        Objects.requireNonNull(outputCostPerToken, "outputCostPerToken is null");
        modelInfo = Map.copyOf(modelInfo);
    }
}
