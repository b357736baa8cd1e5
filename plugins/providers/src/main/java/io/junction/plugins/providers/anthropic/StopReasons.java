package io.junction.plugins.providers.anthropic;

/** Anthropic's {@code stop_reason} as OpenAI's {@code finish_reason}, as LiteLLM's {@code map_finish_reason} has it. */
final class StopReasons
{
    private StopReasons() {}

    static String finishReason(String stopReason)
    {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            // end_turn, stop_sequence, pause_turn and whatever Anthropic adds later: the turn simply ended
            default -> "stop";
        };
    }
}
