package io.junction.plugins.providers.gemini;

import java.util.Set;

/** Gemini's {@code finishReason} as OpenAI's {@code finish_reason}, as LiteLLM maps them. */
final class GeminiFinishReasons
{
    private static final Set<String> CONTENT_FILTER = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII",
            "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT");

    private GeminiFinishReasons() {}

    /**
     * @param calledTools whether the turn holds function calls: a turn that ends by calling tools is {@code tool_calls}
     */
    static String toOpenAi(String finishReason, boolean calledTools)
    {
        if (finishReason.equals("MAX_TOKENS")) {
            return "length";
        }
        if (CONTENT_FILTER.contains(finishReason)) {
            return "content_filter";
        }
        return calledTools ? "tool_calls" : "stop";
    }
}
