package io.junction.plugins.providers.openai;

import java.util.Map;

/**
 * What each OpenAI-compatible provider's documentation says it refuses, by model prefix. A prefix missing here
 * ({@code openai}, {@code hosted_vllm}, and those whose documentation lists no refusal) accepts everything.
 */
final class CompatibleParameters
{
    private static final Map<String, ParameterRules> BY_PREFIX = Map.of(
            // console.groq.com/docs/openai: "will result in a 400 error if they are supplied"; N must be 1
            "groq", ParameterRules.builder()
                    .refuse("logprobs", "top_logprobs", "logit_bias")
                    .refuseUnlessEqualTo("n", 1)
                    .build(),
            // Mistral's chat request schema has no logit_bias/logprobs/top_logprobs, names the seed random_seed and
            // the output cap max_tokens (LiteLLM's MistralConfig maps the same two)
            "mistral", ParameterRules.builder()
                    .refuse("logit_bias", "logprobs", "top_logprobs")
                    .rename("seed", "random_seed")
                    .rename("max_completion_tokens", "max_tokens")
                    .build(),
            // api-docs.deepseek.com/guides/reasoning_model: on deepseek-reasoner "setting logprobs, top_logprobs
            // will trigger an error"
            "deepseek", ParameterRules.builder()
                    .refuseForModelsContaining("reasoner", "logprobs", "top_logprobs")
                    .build());

    private CompatibleParameters() {}

    static ParameterRules of(String prefix)
    {
        return BY_PREFIX.getOrDefault(prefix, ParameterRules.NONE);
    }
}
