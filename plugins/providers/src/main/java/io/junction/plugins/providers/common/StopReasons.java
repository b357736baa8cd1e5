package io.junction.plugins.providers.common;

import java.util.Locale;

/**
 * Claude's {@code stop_reason}, which Anthropic's Messages API and Bedrock's Converse ({@code stopReason}) share, as
 * OpenAI's {@code finish_reason}, as LiteLLM's {@code map_finish_reason} has it. Reasons OpenAI has no word for end
 * as {@code stop}, so strict clients still parse the answer.
 */
public final class StopReasons
{
    private StopReasons() {}

    /** @param stopReason the provider's reason, null when it gave none */
    public static String finishReason(String stopReason)
    {
        return switch (stopReason == null ? "" : stopReason.toLowerCase(Locale.ROOT)) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            // Anthropic's refusal, Bedrock's guardrails and content filters
            case "refusal", "guardrail_intervened", "content_filtered" -> "content_filter";
            // end_turn, stop_sequence, pause_turn and whatever is added later: the turn simply ended
            default -> "stop";
        };
    }
}
