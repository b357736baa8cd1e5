package io.junction.plugins.providers.anthropic;

import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.junction.plugins.providers.anthropic.AnthropicBodies.textMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the anthropic adapter answers a non-streaming request: Anthropic's message as an OpenAI chat.completion. */
class AnthropicResponseTranslationTest
        extends AnthropicWireMockTest
{
    @Test
    void answersATextMessageWithAnthropicsIdModelAndUsage()
    {
        stubMessages(ok(textMessage("Hi! My name is Claude.", "end_turn"))
                .withHeader("anthropic-ratelimit-requests-limit", "4000")
                .withHeader("anthropic-ratelimit-requests-remaining", "3999")
                .withHeader("anthropic-ratelimit-tokens-remaining", "399000")
                .withHeader("request-id", "req_018EeWyXxfu5pfWkrYcMdjWG"));

        ProviderResponse.Complete response = complete(adapter(), chat(""));

        assertEquals(tree("""
                {"id": "msg_013Zva2CMHLNnXjNJJKqJ2EF", "object": "chat.completion", "created": %d,
                 "model": "claude-sonnet-4-20250514",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi! My name is Claude."},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 2095, "completion_tokens": 503, "total_tokens": 2598,
                           "prompt_tokens_details": {"cached_tokens": 0}}}""".formatted(NOW.getEpochSecond())), tree(response.body()));
        assertEquals(new Usage(2095, 503, 2598, 0, 0), response.usage());
        assertEquals(Map.of("anthropic-ratelimit-requests-limit", "4000", "anthropic-ratelimit-requests-remaining", "3999",
                "anthropic-ratelimit-tokens-remaining", "399000", "x-ratelimit-limit-requests", "4000",
                "x-ratelimit-remaining-requests", "3999", "x-ratelimit-remaining-tokens", "399000"), response.headers());
    }

    @Test
    void answersToolUseAsToolCallsWithTheInputAsJsonText()
    {
        stubMessages(ok("""
                {"id": "msg_01Aq9w938a90dw8q", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [
                   {"type": "text", "text": "I'll check both."},
                   {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"location": "San Francisco, CA"}},
                   {"type": "tool_use", "id": "toolu_01B", "name": "get_time", "input": {}}
                 ],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 472, "output_tokens": 91}}"""));

        ProviderResponse.Complete response = complete(adapter(), chat(""));

        assertEquals(tree("""
                {"role": "assistant", "content": "I'll check both.", "tool_calls": [
                  {"id": "toolu_01A09q90qw90lq917835lq9", "type": "function",
                   "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"San Francisco, CA\\"}"}},
                  {"id": "toolu_01B", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}]}"""),
                tree(response.body()).path("choices").get(0).path("message"));
        assertEquals("tool_calls", tree(response.body()).path("choices").get(0).path("finish_reason").asText());
    }

    @Test
    void answersOnlyToolUseWithNullContent()
    {
        stubMessages(ok("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [{"type": "tool_use", "id": "toolu_1", "name": "now", "input": {}}],
                 "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 10, "output_tokens": 5}}"""));

        ProviderResponse.Complete response = complete(adapter(), chat(""));

        assertEquals(true, tree(response.body()).path("choices").get(0).path("message").path("content").isNull());
    }

    @Test
    void answersThinkingAsReasoningContent()
    {
        stubMessages(ok("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [
                   {"type": "thinking", "thinking": "Let me analyze this step by step...", "signature": "WaUjzkypQ2mUEVM36O2TxuC06KN8xyfbJwyem2dw3URve/op91XWHOEBLLqIOMfFG/UvLEczmEsUjavL...."},
                   {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP..."},
                   {"type": "text", "text": "The answer is 42."}
                 ],
                 "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 50, "output_tokens": 300}}"""));

        ProviderResponse.Complete response = complete(adapter(), chat(""));

        assertEquals(tree("""
                {"role": "assistant", "content": "The answer is 42.", "reasoning_content": "Let me analyze this step by step..."}"""),
                tree(response.body()).path("choices").get(0).path("message"));
    }

    @Test
    void countsCacheReadsAndWritesAsPromptTokensTheWayLiteLlmDoes()
    {
        stubMessages(ok("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [{"type": "text", "text": "Cached."}], "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": 21, "cache_creation_input_tokens": 188086, "cache_read_input_tokens": 1500,
                           "cache_creation": {"ephemeral_5m_input_tokens": 188086, "ephemeral_1h_input_tokens": 0},
                           "output_tokens": 393, "service_tier": "standard"}}"""));

        ProviderResponse.Complete response = complete(adapter(), chat(""));

        assertEquals(new Usage(189607, 393, 190000, 1500, 188086), response.usage());
        assertEquals(tree("""
                {"prompt_tokens": 189607, "completion_tokens": 393, "total_tokens": 190000,
                 "prompt_tokens_details": {"cached_tokens": 1500},
                 "cache_creation_input_tokens": 188086, "cache_read_input_tokens": 1500}"""), tree(response.body()).path("usage"));
    }

    @Test
    void mapsEachStopReasonToAFinishReason()
    {
        assertFinishReason("end_turn", "stop");
        assertFinishReason("stop_sequence", "stop");
        assertFinishReason("max_tokens", "length");
        assertFinishReason("refusal", "content_filter");
        assertFinishReason("pause_turn", "stop");
    }

    @Test
    void answersStructuredOutputAsTheMessageContent()
    {
        stubMessages(ok("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [{"type": "tool_use", "id": "toolu_1", "name": "json_tool_call", "input": {"name": "Ada", "born": 1815}}],
                 "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 30, "output_tokens": 12}}"""));

        ProviderResponse.Complete response = complete(adapter(), chat(",\"response_format\":{\"type\":\"json_object\"}"));

        assertEquals(tree("""
                {"index": 0, "message": {"role": "assistant", "content": "{\\"name\\":\\"Ada\\",\\"born\\":1815}"},
                 "logprobs": null, "finish_reason": "stop"}"""), tree(response.body()).path("choices").get(0));
    }

    private void assertFinishReason(String stopReason, String finishReason)
    {
        upstream.resetAll();
        stubMessages(ok(textMessage("Hi", stopReason)));

        ProviderResponse.Complete response = complete(adapter(), chat(""));

        assertEquals(finishReason, tree(response.body()).path("choices").get(0).path("finish_reason").asText(), stopReason);
    }
}
