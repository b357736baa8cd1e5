package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.spi.provider.Usage;

/**
 * Gemini's {@code usageMetadata} in OpenAI's terms: the thinking tokens a model spends are billed as output, so they
 * count as completion tokens, as LiteLLM counts them; cached prompt tokens are part of the prompt count.
 */
final class GeminiUsage
{
    private GeminiUsage() {}

    /** {@link Usage#UNKNOWN} when the metadata is absent or has no prompt count. */
    static Usage from(JsonNode metadata)
    {
        if (metadata == null || !metadata.path("promptTokenCount").isNumber()) {
            return Usage.UNKNOWN;
        }
        long prompt = metadata.path("promptTokenCount").asLong();
        long completion = metadata.path("candidatesTokenCount").asLong(0) + metadata.path("thoughtsTokenCount").asLong(0);
        long total = metadata.path("totalTokenCount").isNumber() ? metadata.path("totalTokenCount").asLong() : prompt + completion;
        long cached = Math.max(0, metadata.path("cachedContentTokenCount").asLong(0));
        return new Usage(prompt, completion, total, cached, 0);
    }
}
