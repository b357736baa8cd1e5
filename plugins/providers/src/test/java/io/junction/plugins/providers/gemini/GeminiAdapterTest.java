package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
import io.junction.spi.ConfigException;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.junction.plugins.providers.ChunkStreams.drainJson;
import static io.junction.plugins.providers.gemini.GeminiTestSupport.countingUuids;
import static io.junction.plugins.providers.gemini.GeminiTestSupport.json;
import static io.junction.plugins.providers.gemini.GeminiTestSupport.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gemini adapter (Google AI Studio) against a WireMock server answering as Gemini's API reference shows. */
class GeminiAdapterTest
{
    private static final String API_KEY = "AIzaSyTest-Zq81secretKEY";
    private static final String MODEL = "gemini-2.5-flash";
    private static final String GENERATE_PATH = "/v1beta/models/" + MODEL + ":generateContent";
    private static final String STREAM_PATH = "/v1beta/models/" + MODEL + ":streamGenerateContent?alt=sse";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    // --- the request sent upstream

    @Test
    void sendsAPlainChatWithTheKeyInTheHeaderAndNotInTheUrl()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":"Hello!"}]}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH))
                .withHeader("x-goog-api-key", equalTo(API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"contents":[{"role":"user","parts":[{"text":"Hello!"}]}]}""")));
        LoggedRequest sent = upstream.onlyRequest();
        assertFalse(sent.getUrl().contains(API_KEY), sent.getUrl());
        assertFalse(sent.getUrl().contains("key="), sent.getUrl());
    }

    @Test
    void translatesSystemMessagesToolCallsAndToolResults()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat("""
                {"model":"my-group","messages":[
                  {"role":"system","content":"You are terse."},
                  {"role":"developer","content":[{"type":"text","text":"Use metric units."}]},
                  {"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_a__thought__c2lnLTE=","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_a__thought__c2lnLTE=","content":"{\\"temp_c\\": 18}"},
                  {"role":"tool","tool_call_id":"call_b","content":"sunny, 24 C"},
                  {"role":"assistant","content":"Rome is warmer."},
                  {"role":"user","content":"And tomorrow?"}],
                 "tools":[
                   {"type":"function","function":{"name":"get_weather","description":"Current weather","strict":true,
                     "parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                       "properties":{"city":{"type":"string","description":"City name"},"unit":{"type":["string","null"],"enum":["c","f"]}},
                       "required":["city"],"additionalProperties":false}}},
                   {"type":"function","function":{"name":"get_time","parameters":{"type":"object","properties":{}}}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "parallel_tool_calls":true}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                {"contents":[
                   {"role":"user","parts":[{"text":"Weather in Paris and Rome?"}]},
                   {"role":"model","parts":[
                      {"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"c2lnLTE="},
                      {"functionCall":{"name":"get_weather","args":{"city":"Rome"}}}]},
                   {"role":"user","parts":[
                      {"functionResponse":{"name":"get_weather","response":{"temp_c":18}}},
                      {"functionResponse":{"name":"get_weather","response":{"content":"sunny, 24 C"}}}]},
                   {"role":"model","parts":[{"text":"Rome is warmer."}]},
                   {"role":"user","parts":[{"text":"And tomorrow?"}]}],
                 "system_instruction":{"parts":[{"text":"You are terse."},{"text":"Use metric units."}]},
                 "tools":[{"function_declarations":[
                   {"name":"get_weather","description":"Current weather","parameters":{"type":"object",
                     "properties":{"city":{"type":"string","description":"City name"},"unit":{"type":"string","nullable":true,"enum":["c","f"]}},
                     "required":["city"]}},
                   {"name":"get_time"}]}],
                 "tool_config":{"function_calling_config":{"mode":"ANY","allowed_function_names":["get_weather"]}}}""")));
    }

    @Test
    void mergesAToolResultAndTheNextUserMessageIntoOneTurn()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat("""
                {"model":"my-group","messages":[
                  {"role":"user","content":"Time?"},
                  {"role":"assistant","tool_calls":[{"id":"call_t","type":"function","function":{"name":"get_time","arguments":""}}]},
                  {"role":"tool","tool_call_id":"call_t","content":[{"type":"text","text":"10:00"}]},
                  {"role":"user","content":"Thanks"}]}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                {"contents":[
                   {"role":"user","parts":[{"text":"Time?"}]},
                   {"role":"model","parts":[{"functionCall":{"name":"get_time","args":{}}}]},
                   {"role":"user","parts":[{"functionResponse":{"name":"get_time","response":{"content":"10:00"}}},{"text":"Thanks"}]}]}""")));
    }

    @Test
    void refusesAToolResultForACallNobodyMade()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat("""
                        {"model":"my-group","messages":[{"role":"user","content":"Hi"},
                          {"role":"tool","tool_call_id":"call_unknown","content":"42"}]}""")));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("messages", failure.param().orElseThrow());
        assertTrue(failure.getMessage().contains("call_unknown"), failure.getMessage());
        assertEquals(0, upstream.requests().size());
    }

    @Test
    void sendsImagesInlineOrAsFileLinks()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":[
                  {"type":"text","text":"Compare these."},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                  {"type":"image_url","image_url":{"url":"gs://bucket/cat.webp","detail":"high"}},
                  {"type":"image_url","image_url":"https://example.com/photo"},
                  {"type":"file","file":{"file_id":"https://example.com/report.pdf?v=2"}}]}]}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[
                   {"text":"Compare these."},
                   {"inline_data":{"mime_type":"image/png","data":"iVBORw0KGgo="}},
                   {"file_data":{"mime_type":"image/webp","file_uri":"gs://bucket/cat.webp"}},
                   {"file_data":{"mime_type":"image/jpeg","file_uri":"https://example.com/photo"}},
                   {"file_data":{"mime_type":"application/pdf","file_uri":"https://example.com/report.pdf?v=2"}}]}]}""")));
    }

    @Test
    void mapsSamplingParametersToGenerationConfig()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":"List two colours as JSON."}],
                 "temperature":0.2,"top_p":0.9,"max_tokens":256,"stop":"END","seed":7,"n":1,
                 "presence_penalty":0.5,"frequency_penalty":-0.5,"reasoning_effort":"low","user":"u-1",
                 "response_format":{"type":"json_schema","json_schema":{"name":"colours","strict":true,
                   "schema":{"type":"object","properties":{"colours":{"type":"array","items":{"type":"string"}}},
                             "required":["colours"],"additionalProperties":false}}}}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"List two colours as JSON."}]}],
                 "generationConfig":{"temperature":0.2,"topP":0.9,"maxOutputTokens":256,"stopSequences":["END"],
                   "presencePenalty":0.5,"frequencyPenalty":-0.5,"seed":7,
                   "responseMimeType":"application/json",
                   "responseSchema":{"type":"object","properties":{"colours":{"type":"array","items":{"type":"string"}}},"required":["colours"]},
                   "thinkingConfig":{"thinkingBudget":1024,"includeThoughts":true}}}""")));
    }

    @Test
    void mapsToolChoiceModesAndJsonObject()
    {
        stubGenerate(ok(plainAnswer()));
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));

        for (Map.Entry<String, String> choice : Map.of("auto", "AUTO", "none", "NONE", "required", "ANY").entrySet()) {
            upstream.server().resetRequests();
            adapter.send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                    + "\"max_completion_tokens\":64,\"stop\":[\"a\",\"b\"],\"response_format\":{\"type\":\"json_object\"},"
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"tool_choice\":\"" + choice.getKey() + "\"}"));
            upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                    {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],
                     "tools":[{"function_declarations":[{"name":"f"}]}],
                     "tool_config":{"function_calling_config":{"mode":"%s"}},
                     "generationConfig":{"maxOutputTokens":64,"stopSequences":["a","b"],"responseMimeType":"application/json"}}"""
                    .formatted(choice.getValue()))));
        }
    }

    @Test
    void sendsAPromptGivenOnlyAsSystemTextAsTheUsersTurn()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"system","content":"Say hi."}]}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"Say hi."}]}]}""")));
    }

    // --- parameters the adapter does not take

    @Test
    void refusesUnsupportedParametersNamingThem()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat("""
                        {"model":"my-group","messages":[{"role":"user","content":"Hi"}],"logprobs":true,"n":2}""")));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertTrue(failure.getMessage().contains("logprobs") && failure.getMessage().contains("n"), failure.getMessage());
        assertTrue(failure.getMessage().contains("drop_params"), failure.getMessage());
        assertEquals(0, upstream.requests().size());
    }

    @Test
    void dropsUnsupportedParametersWhenDropParamsIsOn()
    {
        stubGenerate(ok(plainAnswer()));

        adapter(Map.of("api_key", API_KEY, "drop_params", true)).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":"Hi"}],"logprobs":true,"n":3,"temperature":1}"""));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"generationConfig":{"temperature":1}}""")));
    }

    @Test
    void refusesTheCompletionsEndpoint()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.request(Endpoint.COMPLETIONS, "{\"model\":\"my-group\",\"prompt\":\"Hi\"}", 1)));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
    }

    // --- whole answers

    @Test
    void translatesAnAnswerWithItsIdModelVersionAndUsage()
    {
        stubGenerate(ok(plainAnswer()));

        ProviderResponse.Complete complete = assertInstanceOf(ProviderResponse.Complete.class, adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}")));

        JsonNode body = json(complete.body());
        assertEquals("tTCwacuEBMvnitYP06qsgQY", body.path("id").asText());
        assertEquals("chat.completion", body.path("object").asText());
        assertEquals(NOW.getEpochSecond(), body.path("created").asLong());
        assertEquals("gemini-2.5-flash-001", body.path("model").asText());
        JsonNode choice = body.path("choices").path(0);
        assertEquals("assistant", choice.path("message").path("role").asText());
        assertEquals("Hello! How can I help you today?", choice.path("message").path("content").asText());
        assertEquals("stop", choice.path("finish_reason").asText());
        assertEquals(new Usage(4, 10, 14, 0, 0), complete.usage());
        assertEquals(14, body.path("usage").path("total_tokens").asLong());
    }

    @Test
    void returnsFunctionCallsAsToolCallsWithGeneratedIdsCarryingTheSignature()
    {
        stubGenerate(ok("""
                {"candidates":[{"content":{"role":"model","parts":[
                   {"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"CiQBVKhc7sig"},
                   {"functionCall":{"name":"get_weather","args":{"city":"Rome","unit":"c"}}}]},
                 "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":40,"candidatesTokenCount":12,"totalTokenCount":52},
                 "modelVersion":"gemini-2.5-flash","responseId":"resp-9"}"""));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}"));

        JsonNode choice = json(complete.body()).path("choices").path(0);
        assertEquals("tool_calls", choice.path("finish_reason").asText());
        assertTrue(choice.path("message").path("content").isNull());
        JsonNode calls = choice.path("message").path("tool_calls");
        assertEquals(2, calls.size());
        assertEquals("call_" + uuid(1) + "__thought__CiQBVKhc7sig", calls.get(0).path("id").asText());
        assertEquals("function", calls.get(0).path("type").asText());
        assertEquals("get_weather", calls.get(0).path("function").path("name").asText());
        assertEquals(json("{\"city\":\"Paris\"}"), json(calls.get(0).path("function").path("arguments").asText()));
        assertEquals("call_" + uuid(2), calls.get(1).path("id").asText());
        assertEquals(json("{\"city\":\"Rome\",\"unit\":\"c\"}"), json(calls.get(1).path("function").path("arguments").asText()));
    }

    @Test
    void returnsThoughtsAsReasoningAndCountsThemAsCompletionTokens()
    {
        stubGenerate(ok("""
                {"candidates":[{"content":{"role":"model","parts":[
                   {"text":"The user greets me.","thought":true},{"text":"Hi "},{"text":"there."}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":1200,"candidatesTokenCount":3,"thoughtsTokenCount":25,"totalTokenCount":1228,
                   "cachedContentTokenCount":1024},
                 "modelVersion":"gemini-2.5-flash"}"""));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

        JsonNode body = json(complete.body());
        JsonNode message = body.path("choices").path(0).path("message");
        assertEquals("Hi there.", message.path("content").asText());
        assertEquals("The user greets me.", message.path("reasoning_content").asText());
        assertEquals(new Usage(1200, 28, 1228, 1024, 0), complete.usage());
        assertEquals(1024, body.path("usage").path("prompt_tokens_details").path("cached_tokens").asLong());
        // Gemini sent no responseId: a chatcmpl id is made
        assertEquals("chatcmpl-" + uuid(1), body.path("id").asText());
    }

    @Test
    void mapsFinishReasons()
    {
        Map<String, String> expected = Map.of("MAX_TOKENS", "length", "SAFETY", "content_filter", "RECITATION", "content_filter",
                "PROHIBITED_CONTENT", "content_filter", "SPII", "content_filter", "BLOCKLIST", "content_filter", "STOP", "stop",
                "OTHER", "stop");
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));
        for (Map.Entry<String, String> reason : expected.entrySet()) {
            upstream.resetAll();
            stubGenerate(ok("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"x\"}]},\"finishReason\":\""
                    + reason.getKey() + "\"}]}"));
            ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter.send(TestRequests.chat(
                    "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
            assertEquals(reason.getValue(), json(complete.body()).path("choices").path(0).path("finish_reason").asText(), reason.getKey());
            assertEquals(Usage.UNKNOWN, complete.usage());
            // no modelVersion: the deployment's model
            assertEquals(MODEL, json(complete.body()).path("model").asText());
        }
    }

    @Test
    void failsWithContentPolicyWhenThePromptIsBlocked()
    {
        stubGenerate(ok("""
                {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[
                   {"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]},
                 "usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},"modelVersion":"gemini-2.5-flash"}"""));

        ProviderException failure = sendExpectingFailure();

        assertEquals(ErrorKind.CONTENT_POLICY, failure.kind());
        assertEquals("content_policy_violation", failure.code().orElseThrow());
        assertTrue(failure.getMessage().contains("SAFETY"), failure.getMessage());
    }

    // --- errors

    @Test
    void mapsAnInvalidKeyToAuthenticationWithoutShowingTheKey()
    {
        stubGenerate(error(400, "API key not valid. Please pass a valid API key. (" + API_KEY + ")", "INVALID_ARGUMENT", """
                [{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com",
                  "metadata":{"service":"generativelanguage.googleapis.com"}}]"""));

        ProviderException failure = sendExpectingFailure();

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        assertEquals(400, failure.upstreamStatus());
        assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        assertTrue(failure.getMessage().contains("API key not valid"), failure.getMessage());
    }

    @Test
    void mapsEachGoogleStatus()
    {
        record Case(int status, String googleStatus, String message, ErrorKind kind) {}
        List<Case> cases = List.of(
                new Case(400, "INVALID_ARGUMENT", "Invalid value at 'contents[0].parts[0]'", ErrorKind.INVALID_REQUEST),
                new Case(400, "FAILED_PRECONDITION", "User location is not supported for the API use.", ErrorKind.INVALID_REQUEST),
                new Case(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", ErrorKind.AUTHENTICATION),
                new Case(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers.", ErrorKind.PERMISSION_DENIED),
                new Case(404, "NOT_FOUND", "models/gemini-nope is not found for API version v1beta, or is not supported for "
                        + "generateContent.", ErrorKind.NOT_FOUND),
                new Case(500, "INTERNAL", "An internal error has occurred. Please retry or report in "
                        + "https://developers.generativeai.google/guide/troubleshooting", ErrorKind.UPSTREAM_SERVER),
                new Case(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", ErrorKind.UNAVAILABLE),
                new Case(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.", ErrorKind.TIMEOUT));
        for (Case expected : cases) {
            upstream.resetAll();
            stubGenerate(error(expected.status(), expected.message(), expected.googleStatus(), "[]"));
            ProviderException failure = sendExpectingFailure();
            assertEquals(expected.kind(), failure.kind(), expected.googleStatus());
            assertEquals(expected.status(), failure.upstreamStatus());
            assertTrue(failure.getMessage().startsWith("gemini returned HTTP " + expected.status() + " " + expected.googleStatus() + ": "),
                    failure.getMessage());
        }
    }

    @Test
    void mapsAPromptOverTheContextWindow()
    {
        stubGenerate(error(400, "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).",
                "INVALID_ARGUMENT", "[]"));

        ProviderException failure = sendExpectingFailure();

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, failure.kind());
        assertEquals("context_length_exceeded", failure.code().orElseThrow());
    }

    @Test
    void mapsResourceExhaustedToRateLimitedWithTheRetryDelayFromRetryInfo()
    {
        stubGenerate(error(429, "You exceeded your current quota, please check your plan and billing details.\n"
                + "Please retry in 31.842s.", "RESOURCE_EXHAUSTED", """
                [{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":
                   "generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":
                   "GenerateRequestsPerMinutePerProjectPerModel-FreeTier","quotaValue":"10"}]},
                 {"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Learn more about Gemini API quotas",
                   "url":"https://ai.google.dev/gemini-api/docs/rate-limits"}]},
                 {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31s"}]"""));

        ProviderException failure = sendExpectingFailure();

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertTrue(failure.kind().retryable());
        assertEquals(Duration.ofSeconds(31), failure.retryAfter().orElseThrow());
        assertEquals("rate_limit_exceeded", failure.code().orElseThrow());
    }

    @Test
    void readsFractionalRetryDelaysAndFallsBackToRetryAfter()
    {
        stubGenerate(error(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED",
                "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"45.837906927s\"}]"));
        assertEquals(Duration.ofSeconds(45, 837_906_927), sendExpectingFailure().retryAfter().orElseThrow());

        upstream.resetAll();
        stubGenerate(error(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED", "[]")
                .withHeader("Retry-After", "7"));
        assertEquals(Duration.ofSeconds(7), sendExpectingFailure().retryAfter().orElseThrow());
    }

    @Test
    void mapsANonJsonBadGatewayWithoutEchoingIt()
    {
        stubGenerate(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>" + "x".repeat(10_000) + "</body></html>"));

        ProviderException failure = sendExpectingFailure();

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertFalse(failure.getMessage().contains("<html>"), failure.getMessage());
        assertEquals("gemini returned HTTP 502", failure.getMessage());
    }

    // --- streams

    @Test
    void streamsTextDeltasThenTheFinishAndUsage()
    {
        // as Google AI Studio sends them: CRLF line ends, running usage in every event
        stubStream(sse("""
                data: {"candidates": [{"content": {"parts": [{"text": "Hello!"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 5,"totalTokenCount": 5},"modelVersion": "gemini-2.5-flash","responseId": "resp-1"}\r
                \r
                data: {"candidates": [{"content": {"parts": [{"text": " How can I help you today"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 5,"totalTokenCount": 5},"modelVersion": "gemini-2.5-flash","responseId": "resp-1"}\r
                \r
                data: {"candidates": [{"content": {"parts": [{"text": "?"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 5,"candidatesTokenCount": 9,"totalTokenCount": 14,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 5}]},"modelVersion": "gemini-2.5-flash","responseId": "resp-1"}\r
                \r
                """));

        ProviderResponse.Streaming streaming = assertInstanceOf(ProviderResponse.Streaming.class, adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat(streamBody(true))));

        try (ChunkStream stream = streaming.chunks()) {
            assertEquals(Usage.UNKNOWN, stream.usage());
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(6, chunks.size(), chunks.toString());
            assertEquals("assistant", delta(chunks.get(0)).path("role").asText());
            assertEquals("Hello!", delta(chunks.get(1)).path("content").asText());
            assertEquals(" How can I help you today", delta(chunks.get(2)).path("content").asText());
            assertEquals("?", delta(chunks.get(3)).path("content").asText());
            assertEquals("stop", chunks.get(4).path("choices").path(0).path("finish_reason").asText());
            assertEquals(0, chunks.get(5).path("choices").size());
            assertEquals(14, chunks.get(5).path("usage").path("total_tokens").asLong());
            for (JsonNode chunk : chunks) {
                assertEquals("resp-1", chunk.path("id").asText());
                assertEquals("chat.completion.chunk", chunk.path("object").asText());
                assertEquals("gemini-2.5-flash", chunk.path("model").asText());
            }
            assertEquals(new Usage(5, 9, 14, 0, 0), stream.usage());
            assertNull(stream.next(), "the stream stays ended");
        }
        upstream.verify(postRequestedFor(urlEqualTo(STREAM_PATH)).withHeader("x-goog-api-key", equalTo(API_KEY))
                .withRequestBody(equalToJson("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello!\"}]}]}")));
    }

    @Test
    void streamsWithoutAUsageChunkUnlessAskedButStillReportsUsage()
    {
        stubStream(sse("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":2,\"candidatesTokenCount\":1,\"totalTokenCount\":3}}\n\n"));

        try (ChunkStream stream = openStream(streamBody(false))) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(3, chunks.size(), chunks.toString());
            assertEquals("stop", chunks.get(2).path("choices").path(0).path("finish_reason").asText());
            assertEquals(new Usage(2, 1, 3, 0, 0), stream.usage());
        }
    }

    @Test
    void streamsAFunctionCallWholeAndThoughtsAsReasoning()
    {
        stubStream(sse("""
                data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Need the weather.","thought":true}]}}],"modelVersion":"gemini-2.5-flash","responseId":"r-2"}

                data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"sig-A"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":30,"candidatesTokenCount":7,"thoughtsTokenCount":4,"totalTokenCount":41},"modelVersion":"gemini-2.5-flash","responseId":"r-2"}

                """));

        try (ChunkStream stream = openStream(streamBody(true))) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(6, chunks.size(), chunks.toString());
            assertEquals("Need the weather.", delta(chunks.get(1)).path("reasoning_content").asText());
            JsonNode start = delta(chunks.get(2)).path("tool_calls").path(0);
            assertEquals(0, start.path("index").asInt());
            assertEquals("call_" + uuid(1) + "__thought__sig-A", start.path("id").asText());
            assertEquals("get_weather", start.path("function").path("name").asText());
            JsonNode arguments = delta(chunks.get(3)).path("tool_calls").path(0);
            assertEquals(json("{\"city\":\"Paris\"}"), json(arguments.path("function").path("arguments").asText()));
            assertEquals("tool_calls", chunks.get(4).path("choices").path(0).path("finish_reason").asText());
            assertEquals(new Usage(30, 11, 41, 0, 0), stream.usage());
        }
    }

    @Test
    void failsWhenTheStreamEndsWithoutAFinishReason()
    {
        stubStream(sse("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"}}]}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}],\"ro"));

        try (ChunkStream stream = openStream(streamBody(true))) {
            stream.next();
            assertEquals("Hel", delta(json(stream.next())).path("content").asText());
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut"), failure.getMessage());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
    }

    @Test
    void failsOnAnErrorEventInTheStreamWithoutShowingTheKey()
    {
        stubStream(sse("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"}}]}\n\n"
                + "data: {\"error\":{\"code\":429,\"message\":\"Quota exceeded for key " + API_KEY + "\",\"status\":\"RESOURCE_EXHAUSTED\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"12s\"}]}}\n\n"));

        try (ChunkStream stream = openStream(streamBody(true))) {
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
            assertEquals(Duration.ofSeconds(12), failure.retryAfter().orElseThrow());
            assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        }
    }

    @Test
    void failsAStreamWhosePromptIsBlocked()
    {
        stubStream(sse("data: {\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},\"usageMetadata\":{\"promptTokenCount\":8}}\n\n"));

        try (ChunkStream stream = openStream(streamBody(true))) {
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.CONTENT_POLICY, failure.kind());
        }
    }

    @Test
    void mapsAnErrorStatusOnAStreamingRequest()
    {
        stubStream(error(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED",
                "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"3s\"}]"));

        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(streamBody(true))));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertEquals(Duration.ofSeconds(3), failure.retryAfter().orElseThrow());
    }

    // --- embeddings

    @Test
    void embedsWithBatchEmbedContents()
    {
        upstream.stubFor(post(urlEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents")).willReturn(ok("""
                {"embeddings":[{"values":[0.0125,-0.5,0.25]},{"values":[0.75,0.5,-0.125]}]}""")));
        ProviderAdapter adapter = adapter("gemini-embedding-001", Map.of("api_key", API_KEY));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter.send(TestRequests.request(Endpoint.EMBEDDINGS,
                "{\"model\":\"my-group\",\"input\":[\"first\",\"second\"],\"dimensions\":3,\"encoding_format\":\"float\"}", 6));

        upstream.verify(postRequestedFor(urlEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents"))
                .withHeader("x-goog-api-key", equalTo(API_KEY))
                .withRequestBody(equalToJson("""
                        {"requests":[
                          {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"first"}]},"outputDimensionality":3},
                          {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"second"}]},"outputDimensionality":3}]}""")));
        assertEquals(json("""
                {"object":"list","data":[
                   {"object":"embedding","index":0,"embedding":[0.0125,-0.5,0.25]},
                   {"object":"embedding","index":1,"embedding":[0.75,0.5,-0.125]}],
                 "model":"gemini-embedding-001","usage":{"prompt_tokens":6,"total_tokens":6}}"""), json(complete.body()));
        assertEquals(Usage.of(6, 0), complete.usage());
    }

    @Test
    void encodesEmbeddingsAsBase64WhenAsked()
    {
        upstream.stubFor(post(urlEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents")).willReturn(ok("""
                {"embeddings":[{"values":[0.5,-2.0]}]}""")));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter("gemini-embedding-001", Map.of("api_key", API_KEY))
                .send(TestRequests.request(Endpoint.EMBEDDINGS, "{\"model\":\"my-group\",\"input\":\"one\",\"encoding_format\":\"base64\"}", 1));

        String encoded = json(complete.body()).path("data").path(0).path("embedding").asText();
        ByteBuffer floats = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.5f, floats.getFloat());
        assertEquals(-2.0f, floats.getFloat());
        assertFalse(floats.hasRemaining());
    }

    @Test
    void refusesTokenArraysAsEmbeddingInput()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter("gemini-embedding-001", Map.of("api_key", API_KEY))
                .send(TestRequests.request(Endpoint.EMBEDDINGS, "{\"model\":\"my-group\",\"input\":[[1,2,3]]}", 1)));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("input", failure.param().orElseThrow());
    }

    // --- configuration

    @Test
    void takesTheKeyFromGeminiApiKeyWhenNoneIsConfigured()
    {
        stubGenerate(ok(plainAnswer()));
        Map<String, Object> params = new HashMap<>();
        params.put("api_base", upstream.baseUrl());
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);

        new GeminiAdapterFactory(name -> name.equals("GEMINI_API_KEY") ? "from-env-key" : null, countingUuids())
                .create(TestRequests.deployment("gemini", MODEL, params), context)
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE_PATH)).withHeader("x-goog-api-key", equalTo("from-env-key")));
    }

    @Test
    void refusesADeploymentWithoutAKey()
    {
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);

        ConfigException failure = assertThrows(ConfigException.class, () -> new GeminiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("gemini", MODEL, Map.of()), context));

        assertEquals("model_list[0].litellm_params.api_key", failure.key());
        assertTrue(failure.getMessage().contains("GEMINI_API_KEY"), failure.getMessage());
    }

    @Test
    void acceptsLiteLlmsFullModelUrlAsApiBase()
    {
        upstream.stubFor(post(urlEqualTo("/proxy/v1beta/models/gemini-pro:generateContent")).willReturn(ok(plainAnswer())));
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);

        new GeminiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("gemini", MODEL, Map.of("api_key", API_KEY,
                        "api_base", upstream.baseUrl() + "/proxy/v1beta/models/gemini-pro")), context)
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

        upstream.verify(postRequestedFor(urlEqualTo("/proxy/v1beta/models/gemini-pro:generateContent")));
    }

    @Test
    void neverShowsTheKeyInToString()
    {
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));

        assertFalse(adapter.toString().contains(API_KEY), adapter.toString());
    }

    // --- helpers

    private static ProviderAdapter adapter(Map<String, ?> params)
    {
        return adapter(MODEL, params);
    }

    private static ProviderAdapter adapter(String model, Map<String, ?> params)
    {
        Map<String, Object> withBase = new HashMap<>(params);
        withBase.put("api_base", upstream.baseUrl());
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);
        return new GeminiAdapterFactory(name -> null, countingUuids()).create(TestRequests.deployment("gemini", model, withBase), context);
    }

    private static ProviderException sendExpectingFailure()
    {
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));
        return assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat(
                "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));
    }

    private static ChunkStream openStream(String body)
    {
        ProviderResponse response = adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(body));
        return assertInstanceOf(ProviderResponse.Streaming.class, response).chunks();
    }

    private static String streamBody(boolean includeUsage)
    {
        return "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true"
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    private static JsonNode delta(JsonNode chunk)
    {
        return chunk.path("choices").path(0).path("delta");
    }

    private static void stubGenerate(ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(GENERATE_PATH)).willReturn(response));
    }

    private static void stubStream(ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private static ResponseDefinitionBuilder sse(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String message, String googleStatus, String details)
    {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(GeminiBodies.error(status, message, googleStatus, details));
    }

    private static String plainAnswer()
    {
        return """
                {
                  "candidates": [
                    {
                      "content": {"parts": [{"text": "Hello! How can I help you today?"}], "role": "model"},
                      "finishReason": "STOP",
                      "avgLogprobs": -0.0523
                    }
                  ],
                  "usageMetadata": {
                    "promptTokenCount": 4,
                    "candidatesTokenCount": 10,
                    "totalTokenCount": 14,
                    "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 4}],
                    "candidatesTokensDetails": [{"modality": "TEXT", "tokenCount": 10}]
                  },
                  "modelVersion": "gemini-2.5-flash-001",
                  "responseId": "tTCwacuEBMvnitYP06qsgQY"
                }
                """;
    }
}
