package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.spi.provider.Usage;

/**
 * Anthropic's {@code usage} as OpenAI counts it, the way LiteLLM reports it: Anthropic's {@code input_tokens} leaves
 * out the prompt tokens read from and written to its cache, so both are added back into {@code prompt_tokens}; the
 * reads are also the cached prompt tokens, the writes the cache-creation tokens.
 */
record AnthropicUsage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens)
{
    static final AnthropicUsage NONE = new AnthropicUsage(-1, -1, 0, 0);

    /** The usage object of a message, {@link #NONE}'s fields where it says nothing. */
    static AnthropicUsage of(JsonNode usage)
    {
        return NONE.updatedBy(usage);
    }

    /**
     * These counts with those a later event gives: {@code message_delta} repeats the counts so far (they are
     * cumulative) and may leave fields out.
     */
    AnthropicUsage updatedBy(JsonNode usage)
    {
        return new AnthropicUsage(count(usage, "input_tokens", inputTokens), count(usage, "output_tokens", outputTokens),
                count(usage, "cache_read_input_tokens", cacheReadTokens), count(usage, "cache_creation_input_tokens", cacheCreationTokens));
    }

    Usage toUsage()
    {
        if (inputTokens < 0 || outputTokens < 0) {
            return Usage.UNKNOWN;
        }
        long prompt = inputTokens + cacheReadTokens + cacheCreationTokens;
        return new Usage(prompt, outputTokens, prompt + outputTokens, cacheReadTokens, cacheCreationTokens);
    }

    private static long count(JsonNode usage, String name, long otherwise)
    {
        JsonNode value = usage == null ? null : usage.get(name);
        // Anthropic sometimes writes null for a count it has nothing to say about
        return value != null && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : otherwise;
    }
}
