package io.junction.spi.provider;

/**
 * Token counts of one call, as OpenAI reports them in {@code usage}. {@code cachedPromptTokens} are prompt tokens
 * read from the provider's prompt cache, {@code cacheCreationTokens} prompt tokens written to it (Anthropic).
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens, long cachedPromptTokens, long cacheCreationTokens)
{
    /** The upstream did not say. */
    public static final Usage UNKNOWN = new Usage(-1, -1, -1, 0, 0);

    public Usage
    {
        if (cachedPromptTokens < 0 || cacheCreationTokens < 0) {
            throw new IllegalArgumentException("cached and cache-creation token counts must not be negative");
        }
    }

    public static Usage of(long promptTokens, long completionTokens)
    {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, 0, 0);
    }

    public boolean known()
    {
        return promptTokens >= 0 && completionTokens >= 0;
    }
}
