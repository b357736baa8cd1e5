package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.spi.provider.Usage;

/** What Converse reports about a finished answer's token counts, in OpenAI's terms (its stop reason: {@code StopReasons}). */
final class ConverseResults
{
    private ConverseResults() {}

    /**
     * Converse's {@code usage} as LiteLLM reports it: prompt tokens include the tokens read from and written to the
     * prompt cache, {@code cached_tokens} are those read.
     */
    static Usage usage(JsonNode usage)
    {
        if (usage == null || !usage.path("inputTokens").canConvertToLong() || !usage.path("outputTokens").canConvertToLong()) {
            return Usage.UNKNOWN;
        }
        long cacheRead = Math.max(0, usage.path("cacheReadInputTokens").asLong(0));
        long cacheWrite = Math.max(0, usage.path("cacheWriteInputTokens").asLong(0));
        long prompt = usage.get("inputTokens").asLong() + cacheRead + cacheWrite;
        long completion = usage.get("outputTokens").asLong();
        long total = usage.path("totalTokens").canConvertToLong() ? usage.get("totalTokens").asLong() : prompt + completion;
        return new Usage(prompt, completion, total, cacheRead, cacheWrite);
    }
}
