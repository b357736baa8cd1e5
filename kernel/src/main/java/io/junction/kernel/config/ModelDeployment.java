package io.junction.kernel.config;

import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One entry of {@code model_list}.
 *
 * @param id {@code model_info.id} when set, otherwise a stable id derived from the entry (same config, same id)
 * @param modelName {@code model_name}: the model group clients ask for
 * @param provider the prefix of {@code litellm_params.model} ({@code openai} for {@code openai/gpt-4o});
 *        {@code mock} when {@code litellm_params.mock_response} is set; {@code openai} when there is no prefix
 * @param model {@code litellm_params.model} without the prefix
 * @param litellmParams all of {@code litellm_params}, with {@code os.environ/NAME} values resolved
 * @param modelInfo {@code model_info} as written (empty when absent)
 * @param timeout {@code litellm_params.timeout} (seconds)
 * @param streamTimeout {@code litellm_params.stream_timeout} (seconds)
 * @param inputCostPerToken {@code litellm_params.input_cost_per_token}, else {@code model_info.input_cost_per_token}
 * @param outputCostPerToken likewise for {@code output_cost_per_token}
 */
public record ModelDeployment(
        String id,
        String modelName,
        String provider,
        String model,
        ConfigView litellmParams,
        Map<String, Object> modelInfo,
        OptionalDouble weight,
        OptionalLong rpm,
        OptionalLong tpm,
        Optional<Duration> timeout,
        Optional<Duration> streamTimeout,
        OptionalDouble inputCostPerToken,
        OptionalDouble outputCostPerToken)
{
    public ModelDeployment
    {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(modelName, "modelName is null");
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(litellmParams, "litellmParams is null");
        modelInfo = Map.copyOf(modelInfo);
        Objects.requireNonNull(weight, "weight is null");
        Objects.requireNonNull(rpm, "rpm is null");
        Objects.requireNonNull(tpm, "tpm is null");
        Objects.requireNonNull(timeout, "timeout is null");
        Objects.requireNonNull(streamTimeout, "streamTimeout is null");
        Objects.requireNonNull(inputCostPerToken, "inputCostPerToken is null");
        Objects.requireNonNull(outputCostPerToken, "outputCostPerToken is null");
    }

    /** This deployment under another id: the model list renames a derived id that an earlier deployment already has. */
    public ModelDeployment withId(String newId)
    {
        return newId.equals(id) ? this : new ModelDeployment(newId, modelName, provider, model, litellmParams, modelInfo, weight, rpm, tpm, timeout,
                streamTimeout, inputCostPerToken, outputCostPerToken);
    }
}
