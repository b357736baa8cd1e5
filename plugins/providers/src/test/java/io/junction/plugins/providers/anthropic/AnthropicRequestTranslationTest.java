package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.textMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the anthropic adapter sends to POST /v1/messages for each kind of OpenAI request. */
class AnthropicRequestTranslationTest
        extends AnthropicWireMockTest
{
    @Test
    void sendsAPlainChatWithTheKeyTheVersionAndLiteLlmsDefaultMaxTokens()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(""));

        upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("content-type", equalTo("application/json"))
                .withoutHeader("authorization")
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-20250514", "max_tokens": 4096,
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello!"}]}]}""")));
    }

    @Test
    void liftsSystemAndDeveloperMessagesAndMergesConsecutiveTurns()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), """
                {"model": "my-group", "messages": [
                  {"role": "system", "content": "You are terse."},
                  {"role": "user", "content": "First."},
                  {"role": "user", "content": [{"type": "text", "text": "Second."}]},
                  {"role": "developer", "content": [{"type": "text", "text": "Answer in French."}]},
                  {"role": "assistant", "content": "D'accord."},
                  {"role": "assistant", "content": [{"type": "text", "text": "Bonjour."}]},
                  {"role": "user", "content": "Merci", "name": "ann"}
                ]}""");

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 4096,
                 "system": "You are terse.\\n\\nAnswer in French.",
                 "messages": [
                   {"role": "user", "content": [{"type": "text", "text": "First."}, {"type": "text", "text": "Second."}]},
                   {"role": "assistant", "content": [{"type": "text", "text": "D'accord."}, {"type": "text", "text": "Bonjour."}]},
                   {"role": "user", "content": [{"type": "text", "text": "Merci"}]}
                 ]}""");
    }

    @Test
    void sendsSystemAsBlocksWhenOneCarriesCacheControlAndPassesCacheControlOnParts()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), """
                {"model": "my-group", "messages": [
                  {"role": "system", "content": [{"type": "text", "text": "Long manual...", "cache_control": {"type": "ephemeral"}}]},
                  {"role": "system", "content": "Be kind."},
                  {"role": "user", "content": [{"type": "text", "text": "Question", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]},
                  {"role": "assistant", "content": "Answer"},
                  {"role": "user", "content": "Next", "cache_control": {"type": "ephemeral"}}
                ]}""");

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 4096,
                 "system": [{"type": "text", "text": "Long manual...", "cache_control": {"type": "ephemeral"}},
                            {"type": "text", "text": "Be kind."}],
                 "messages": [
                   {"role": "user", "content": [{"type": "text", "text": "Question", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]},
                   {"role": "assistant", "content": [{"type": "text", "text": "Answer"}]},
                   {"role": "user", "content": [{"type": "text", "text": "Next", "cache_control": {"type": "ephemeral"}}]}
                 ]}""");
    }

    @Test
    void translatesToolsToolCallsAndToolResults()
    {
        stubMessages(ok(textMessage("It is 15 degrees in Paris and 18 in Rome.", "end_turn")));

        complete(adapter(), """
                {"model": "my-group",
                 "tools": [
                   {"type": "function", "function": {"name": "get_weather", "description": "Current weather",
                     "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
                   {"type": "function", "function": {"name": "now"}, "cache_control": {"type": "ephemeral"}}
                 ],
                 "tool_choice": "required", "parallel_tool_calls": false,
                 "messages": [
                   {"role": "user", "content": "Weather in Paris and Rome?"},
                   {"role": "assistant", "content": "Let me check.", "tool_calls": [
                     {"id": "toolu_01A", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}},
                     {"id": "toolu_01B", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}
                   ]},
                   {"role": "tool", "tool_call_id": "toolu_01A", "content": "15 degrees"},
                   {"role": "tool", "tool_call_id": "toolu_01B", "content": [{"type": "text", "text": "18 degrees"}]}
                 ]}""");

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 4096,
                 "tools": [
                   {"name": "get_weather", "description": "Current weather",
                    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
                   {"name": "now", "input_schema": {"type": "object", "properties": {}}, "cache_control": {"type": "ephemeral"}}
                 ],
                 "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
                 "messages": [
                   {"role": "user", "content": [{"type": "text", "text": "Weather in Paris and Rome?"}]},
                   {"role": "assistant", "content": [
                     {"type": "text", "text": "Let me check."},
                     {"type": "tool_use", "id": "toolu_01A", "name": "get_weather", "input": {"city": "Paris"}},
                     {"type": "tool_use", "id": "toolu_01B", "name": "get_weather", "input": {"city": "Rome"}}
                   ]},
                   {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "toolu_01A", "content": "15 degrees"},
                     {"type": "tool_result", "tool_use_id": "toolu_01B", "content": [{"type": "text", "text": "18 degrees"}]}
                   ]}
                 ]}""");
    }

    @Test
    void mapsEachToolChoice()
    {
        assertToolChoice("\"auto\"", "{\"type\": \"auto\"}");
        assertToolChoice("\"none\"", "{\"type\": \"none\"}");
        assertToolChoice("{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}", "{\"type\": \"tool\", \"name\": \"get_weather\"}");
    }

    @Test
    void sendsParallelToolCallsAloneAsAnAutoChoice()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"parallel_tool_calls\":false"));

        assertEquals(tree("{\"type\": \"auto\", \"disable_parallel_tool_use\": true}"), sentBody().path("tool_choice"));
    }

    @Test
    void sendsInlineImagesAsBase64AndLinkedImagesAsUrls()
    {
        stubMessages(ok(textMessage("Two cats.", "end_turn")));

        complete(adapter(), """
                {"model": "my-group", "messages": [{"role": "user", "content": [
                  {"type": "text", "text": "What is in these?"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "high"}},
                  {"type": "image_url", "image_url": {"url": "https://upload.wikimedia.org/cat.jpg"}, "cache_control": {"type": "ephemeral"}},
                  {"type": "file", "file": {"file_data": "data:application/pdf;base64,JVBERi0xLjQ="}}
                ]}]}""");

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 4096,
                 "messages": [{"role": "user", "content": [
                   {"type": "text", "text": "What is in these?"},
                   {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                   {"type": "image", "source": {"type": "url", "url": "https://upload.wikimedia.org/cat.jpg"}, "cache_control": {"type": "ephemeral"}},
                   {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0xLjQ="}}
                 ]}]}""");
    }

    @Test
    void mapsStopMaxTokensSamplingAndUser()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"stop\":\"END\",\"max_completion_tokens\":256,\"max_tokens\":99,\"temperature\":0.7,\"top_p\":0.9,"
                + "\"top_k\":40,\"user\":\"user-42\",\"stream_options\":{\"include_usage\":true}"));

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 256, "stop_sequences": ["END"],
                 "temperature": 0.7, "top_p": 0.9, "top_k": 40, "metadata": {"user_id": "user-42"},
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello!"}]}]}""");
    }

    @Test
    void leavesOutUserIdsThatAreEmailsAndTakesStopArrays()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"user\":\"ann@example.com\",\"stop\":[\"\\n\\nHuman:\",\"END\"],\"max_tokens\":10"));

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 10, "stop_sequences": ["\\n\\nHuman:", "END"],
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello!"}]}]}""");
    }

    @Test
    void takesTheDefaultMaxTokensFromLitellmParams()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(Map.of("max_tokens", 1000), false), chat(""));

        assertEquals(1000, sentBody().path("max_tokens").asInt());
    }

    @Test
    void mapsReasoningEffortToAThinkingBudgetWithRoomForTheAnswer()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"reasoning_effort\":\"medium\""));

        assertEquals(tree("{\"type\": \"enabled\", \"budget_tokens\": 2048}"), sentBody().path("thinking"));
        assertEquals(2048 + 4096, sentBody().path("max_tokens").asInt());
    }

    @Test
    void passesThinkingThroughAndKeepsAnExplicitMaxTokens()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":5000},\"max_tokens\":8000"));

        assertEquals(tree("{\"type\": \"enabled\", \"budget_tokens\": 5000}"), sentBody().path("thinking"));
        assertEquals(8000, sentBody().path("max_tokens").asInt());
    }

    @Test
    void passesThinkingBlocksBackBeforeToolUse()
    {
        stubMessages(ok(textMessage("Done.", "end_turn")));

        complete(adapter(), """
                {"model": "my-group", "thinking": {"type": "enabled", "budget_tokens": 1024}, "messages": [
                  {"role": "user", "content": "Time?"},
                  {"role": "assistant", "content": null,
                   "thinking_blocks": [{"type": "thinking", "thinking": "I should call now.", "signature": "EqQBCgIYAhIM"}],
                   "tool_calls": [{"id": "toolu_1", "type": "function", "function": {"name": "now", "arguments": ""}}]},
                  {"role": "tool", "tool_call_id": "toolu_1", "content": "10:00"}
                ]}""");

        assertEquals(tree("""
                [{"role": "user", "content": [{"type": "text", "text": "Time?"}]},
                 {"role": "assistant", "content": [
                   {"type": "thinking", "thinking": "I should call now.", "signature": "EqQBCgIYAhIM"},
                   {"type": "tool_use", "id": "toolu_1", "name": "now", "input": {}}]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "10:00"}]}]"""),
                sentBody().path("messages"));
        assertEquals(1024 + 4096, sentBody().path("max_tokens").asInt());
    }

    @Test
    void trimsTrailingWhitespaceOfAFinalAssistantPrefill()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), """
                {"model": "my-group", "messages": [{"role": "user", "content": "Name a colour."},
                  {"role": "assistant", "content": "The colour is "}]}""");

        assertEquals("The colour is", sentBody().path("messages").get(1).path("content").get(0).path("text").asText());
    }

    @Test
    void turnsAJsonSchemaResponseFormatIntoAForcedTool()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"person\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}"));

        assertEquals(tree("""
                [{"name": "json_tool_call",
                  "input_schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}}]"""),
                sentBody().path("tools"));
        assertEquals(tree("{\"type\": \"tool\", \"name\": \"json_tool_call\"}"), sentBody().path("tool_choice"));
    }

    @Test
    void sendsAFormatOfTextAsNothing()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"response_format\":{\"type\":\"text\"}"));

        assertFalse(sentBody().has("tools"));
        assertFalse(sentBody().has("tool_choice"));
    }

    // --- parameters Anthropic cannot take

    @Test
    void refusesUnsupportedParametersNamingThemAndTheFix()
    {
        ProviderException failure = failure(adapter(), chat(",\"logprobs\":true,\"presence_penalty\":0.5,\"seed\":7"));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("unsupported_params", failure.code().orElseThrow());
        assertTrue(failure.getMessage().contains("logprobs"), failure.getMessage());
        assertTrue(failure.getMessage().contains("presence_penalty"), failure.getMessage());
        assertTrue(failure.getMessage().contains("drop_params"), failure.getMessage());
        assertTrue(upstream.requests().isEmpty(), "nothing is sent upstream");
    }

    @Test
    void dropsUnsupportedParametersWhenDropParamsIsOn()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(Map.of(), true), chat(",\"frequency_penalty\":1,\"logit_bias\":{\"50256\":-100},\"n\":2,\"temperature\":1"));

        assertSent("""
                {"model": "claude-sonnet-4-20250514", "max_tokens": 4096, "temperature": 1,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello!"}]}]}""");
    }

    @Test
    void dropsUnsupportedParametersWhenTheRequestAsks()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"seed\":7,\"drop_params\":true"));

        assertFalse(sentBody().has("seed"));
    }

    @Test
    void acceptsOneChoiceButNotMore()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"n\":1"));
        assertFalse(sentBody().has("n"));

        ProviderException failure = failure(adapter(), chat(",\"n\":3"));
        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("n", failure.param().orElseThrow());
    }

    @Test
    void refusesMalformedMessagesNamingWhatIsWrong()
    {
        ProviderAdapter adapter = adapter();

        ProviderException noToolCallId = failure(adapter, """
                {"model": "my-group", "messages": [{"role": "user", "content": "Hi"}, {"role": "tool", "content": "42"}]}""");
        ProviderException badArguments = failure(adapter, """
                {"model": "my-group", "messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "tool_calls": [
                  {"id": "t1", "type": "function", "function": {"name": "f", "arguments": "{not json"}}]}]}""");
        ProviderException onlySystem = failure(adapter, """
                {"model": "my-group", "messages": [{"role": "system", "content": "You are terse."}]}""");
        ProviderException audio = failure(adapter, """
                {"model": "my-group", "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]}""");
        ProviderException effort = failure(adapter, chat(",\"reasoning_effort\":\"extreme\""));

        for (ProviderException failure : new ProviderException[] {noToolCallId, badArguments, onlySystem, audio}) {
            assertEquals(ErrorKind.INVALID_REQUEST, failure.kind(), failure.getMessage());
            assertEquals("messages", failure.param().orElseThrow());
        }
        assertTrue(noToolCallId.getMessage().contains("tool_call_id"), noToolCallId.getMessage());
        assertTrue(badArguments.getMessage().contains("messages[1].tool_calls[0].function.arguments"), badArguments.getMessage());
        assertTrue(audio.getMessage().contains("input_audio"), audio.getMessage());
        assertEquals("reasoning_effort", effort.param().orElseThrow());
        assertTrue(upstream.requests().isEmpty(), "nothing is sent upstream");
    }

    // --- helpers

    private void assertToolChoice(String openAi, String anthropic)
    {
        upstream.resetAll();
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(adapter(), chat(",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}],\"tool_choice\":" + openAi));

        assertEquals(tree(anthropic), sentBody().path("tool_choice"), openAi);
    }

    private static void assertSent(String expectedBody)
    {
        upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(equalToJson(expectedBody)));
    }

    private static JsonNode sentBody()
    {
        return tree(onlyRequest().getBodyAsString());
    }
}
