package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.junction.plugins.providers.ChunkStreams.drainText;
import static io.junction.plugins.providers.bedrock.BedrockBodies.converseAnswer;
import static io.junction.plugins.providers.bedrock.BedrockBodies.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bedrock adapter against a WireMock server answering with the shapes of Bedrock's API reference: Converse and
 * ConverseStream (binary eventstream bodies), InvokeModel for embeddings, and AWS's JSON errors with
 * {@code x-amzn-errortype}. Every request is checked for a signature that matches what actually went over the wire.
 */
class BedrockAdapterTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String CONVERSE_PATH = "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse";
    private static final String STREAM_PATH = CONVERSE_PATH + "-stream";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKEN";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID ID = UUID.fromString("6f1d8a52-3c1b-4d6e-9f0a-2b7c4e5d6a7b");
    private static final String COMPLETION_ID = "chatcmpl-" + ID;
    private static final String EVENTSTREAM = "application/vnd.amazon.eventstream";

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    // --- Converse: the request

    @Test
    void translatesAPlainChatAndSignsWhatItSends()
    {
        stubConverse(aResponse().withStatus(200).withHeader("x-amzn-RequestId", "7a0f7b34-request").withBody(converseAnswer(
                "[{\"text\":\"Hello! How can I help?\"}]", "end_turn", "{\"inputTokens\":12,\"outputTokens\":7,\"totalTokens\":19}")));

        ProviderResponse response = adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Hello!"}],
                 "temperature":0.2,"top_p":0.9,"max_tokens":256,"stop":"\\n\\nHuman:"}"""));

        LoggedRequest sent = upstream.onlyRequestTo(CONVERSE_PATH);
        assertSameJson("""
                {"messages":[{"role":"user","content":[{"text":"Hello!"}]}],"system":[{"text":"You are terse."}],
                 "inferenceConfig":{"maxTokens":256,"temperature":0.2,"topP":0.9,"stopSequences":["\\n\\nHuman:"]}}""", sent.getBodyAsString());
        assertEquals("application/json", sent.getHeader("Content-Type"));
        assertEquals("20261121T100000Z", sent.getHeader("X-Amz-Date"));
        assertFalse(sent.containsHeader("X-Amz-Security-Token"));
        assertSignatureMatches(sent, SECRET_KEY);
        assertTrue(sent.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                + "/20261121/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature="), sent.getHeader("Authorization"));

        ProviderResponse.Complete complete = assertInstanceOf(ProviderResponse.Complete.class, response);
        assertSameJson("{\"id\":\"" + COMPLETION_ID + "\",\"object\":\"chat.completion\",\"created\":" + NOW.getEpochSecond() + ",\"model\":\""
                + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\"},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":0}}}", new String(complete.body(), StandardCharsets.UTF_8));
        assertEquals(new Usage(12, 7, 19, 0, 0), complete.usage());
    }

    @Test
    void sendsAndSignsTheSessionToken()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"hi\"}]", "end_turn", usage(1, 1))));

        adapter(Map.of("aws_session_token", SESSION_TOKEN)).send(TestRequests.chat(simpleChat(false)));

        LoggedRequest sent = upstream.onlyRequestTo(CONVERSE_PATH);
        assertEquals(SESSION_TOKEN, sent.getHeader("X-Amz-Security-Token"));
        assertTrue(sent.getHeader("Authorization").contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
        assertSignatureMatches(sent, SECRET_KEY);
    }

    @Test
    void leavesInferenceConfigOutWhenTheClientSetNothing()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"hi\"}]", "end_turn", usage(1, 1))));

        adapter(Map.of()).send(TestRequests.chat(simpleChat(false)));

        // no max_tokens default: Converse applies the model's own, as with LiteLLM
        assertSameJson("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello!\"}]}]}", upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());
    }

    @Test
    void translatesAMultiTurnConversationWithToolCallsAndResults()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("""
                [{"text":"Let me check both."},{"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"get_weather",\
                "input":{"city":"Paris","unit":"celsius"}}}]""", "tool_use", usage(60, 30))));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[
                  {"role":"system","content":[{"type":"text","text":"Be brief."},{"type":"text","text":"Use tools."}]},
                  {"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"18C, cloudy"},
                  {"role":"tool","tool_call_id":"call_2","content":"24C, sunny"},
                  {"role":"user","content":"And in Fahrenheit?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
                   {"type":"function","function":{"name":"now"}}],
                 "tool_choice":"auto"}"""));

        assertSameJson("""
                {"system":[{"text":"Be brief."},{"text":"Use tools."}],
                 "messages":[
                  {"role":"user","content":[{"text":"Weather in Paris and Rome?"}]},
                  {"role":"assistant","content":[
                    {"toolUse":{"toolUseId":"call_1","name":"get_weather","input":{"city":"Paris"}}},
                    {"toolUse":{"toolUseId":"call_2","name":"get_weather","input":{"city":"Rome"}}}]},
                  {"role":"user","content":[
                    {"toolResult":{"toolUseId":"call_1","content":[{"text":"18C, cloudy"}]}},
                    {"toolResult":{"toolUseId":"call_2","content":[{"text":"24C, sunny"}]}},
                    {"text":"And in Fahrenheit?"}]}],
                 "toolConfig":{"tools":[
                    {"toolSpec":{"name":"get_weather","description":"Current weather","inputSchema":{"json":
                      {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}},
                    {"toolSpec":{"name":"now","inputSchema":{"json":{"type":"object","properties":{}}}}}],
                  "toolChoice":{"auto":{}}}}""", upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());

        JsonNode message = json(complete.body()).path("choices").path(0);
        assertEquals("tool_calls", message.path("finish_reason").asText());
        assertEquals("Let me check both.", message.path("message").path("content").asText());
        JsonNode call = message.path("message").path("tool_calls").path(0);
        assertEquals("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", call.path("id").asText());
        assertEquals("get_weather", call.path("function").path("name").asText());
        assertEquals(JSON.createObjectNode().put("city", "Paris").put("unit", "celsius"), readTree(call.path("function").path("arguments").asText()));
    }

    @Test
    void answersWithNullContentWhenTheModelOnlyCallsATool()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer(
                "[{\"toolUse\":{\"toolUseId\":\"tooluse_1\",\"name\":\"now\",\"input\":{}}}]", "tool_use", usage(5, 5))));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat(chatWithTool("\"required\"")));

        JsonNode message = json(complete.body()).path("choices").path(0).path("message");
        assertTrue(message.path("content").isNull(), message.toString());
        assertEquals("{}", message.path("tool_calls").path(0).path("function").path("arguments").asText());
        assertEquals("{\"any\":{}}", readTree(upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString()).path("toolConfig").path("toolChoice").toString());
    }

    @Test
    void namesTheToolAToolChoiceForces()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"ok\"}]", "end_turn", usage(1, 1))));

        adapter(Map.of()).send(TestRequests.chat(chatWithTool("{\"type\":\"function\",\"function\":{\"name\":\"now\"}}")));

        assertEquals("{\"tool\":{\"name\":\"now\"}}", readTree(upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString()).path("toolConfig").path("toolChoice").toString());
    }

    @Test
    void toolChoiceNoneSendsNoToolsWhenTheConversationHasNoToolCalls()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"ok\"}]", "end_turn", usage(1, 1))));

        adapter(Map.of()).send(TestRequests.chat(chatWithTool("\"none\"")));

        assertFalse(readTree(upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString()).has("toolConfig"));
    }

    @Test
    void toolChoiceNoneWithToolHistoryIsRefusedUnlessParamsAreDropped()
    {
        String body = """
                {"model":"my-group","messages":[{"role":"user","content":"time?"},
                  {"role":"assistant","content":"","tool_calls":[{"id":"call_1","type":"function","function":{"name":"now","arguments":""}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"10:00"}],
                 "tools":[{"type":"function","function":{"name":"now","parameters":{"type":"object","properties":{}}}}],
                 "tool_choice":"none"}""";
        ProviderException refused = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(body)));
        assertEquals(ErrorKind.INVALID_REQUEST, refused.kind());
        assertEquals("tool_choice", refused.param().orElseThrow());
        assertTrue(upstream.findAll(postRequestedFor(urlEqualTo(CONVERSE_PATH))).isEmpty());

        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"It is 10:00.\"}]", "end_turn", usage(1, 1))));
        adapter(Map.of("drop_params", true)).send(TestRequests.chat(body));

        JsonNode sent = readTree(upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());
        assertEquals("now", sent.path("toolConfig").path("tools").path(0).path("toolSpec").path("name").asText());
        assertFalse(sent.path("toolConfig").has("toolChoice"), sent.toString());
        assertEquals("{}", sent.path("messages").path(1).path("content").path(0).path("toolUse").path("input").toString());
    }

    @Test
    void refusesToolHistoryWithoutTools()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":"time?"},
                  {"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"now","arguments":"{}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"10:00"}]}""")));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("tools", failure.param().orElseThrow());
    }

    @Test
    void sendsInlineImagesAsBytesAndRefusesLinks()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"A red dot.\"}]", "end_turn", usage(90, 4))));

        adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
                  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}}]}]}"""));

        assertSameJson("""
                {"messages":[{"role":"user","content":[{"text":"What is this?"},
                  {"image":{"format":"jpeg","source":{"bytes":"/9j/4AAQSkZJRg=="}}}]}]}""", upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());

        ProviderException link = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"https://example.com/dot.png"}}]}]}""")));
        assertEquals(ErrorKind.INVALID_REQUEST, link.kind());
        assertTrue(link.getMessage().contains("inline"), link.getMessage());

        ProviderException bitmap = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/bmp;base64,Qk0="}}]}]}""")));
        assertTrue(bitmap.getMessage().contains("image/bmp"), bitmap.getMessage());
    }

    @Test
    void refusesUnsupportedParametersUnlessTheyAreDropped()
    {
        String body = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"frequency_penalty\":0.5,\"logprobs\":true}";

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(body)));
        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("frequency_penalty", failure.param().orElseThrow());
        assertTrue(failure.getMessage().contains("drop_params"), failure.getMessage());

        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"hi\"}]", "end_turn", usage(1, 1))));
        ProviderAdapter dropping = adapter(Map.of(), new ProviderContext(upstream.client(), InstantSource.fixed(NOW), true));
        dropping.send(TestRequests.chat(body));
        assertSameJson("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello!\"}]}]}", upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());
    }

    @Test
    void passesClaudesThinkingAsAModelSpecificField()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("""
                [{"reasoningContent":{"reasoningText":{"text":"The user greets me.","signature":"EqoBCkgIARABGAIiQL"}}},{"text":"Hi!"}]""",
                "end_turn", usage(20, 40))));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":"Hello!"}],"max_tokens":2048,
                 "thinking":{"type":"enabled","budget_tokens":1024}}"""));

        JsonNode sent = readTree(upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());
        assertEquals("{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}", sent.path("additionalModelRequestFields").toString());
        JsonNode message = json(complete.body()).path("choices").path(0).path("message");
        assertEquals("The user greets me.", message.path("reasoning_content").asText());
        assertEquals("Hi!", message.path("content").asText());
    }

    @Test
    void answersAJsonSchemaThroughAForcedToolAsLiteLlmDoes()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("""
                [{"toolUse":{"toolUseId":"tooluse_json","name":"person","input":{"name":"Ada","born":1815}}}]""", "tool_use", usage(30, 12))));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"user","content":"Who wrote the first program?"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"person","description":"A person",
                   "schema":{"type":"object","properties":{"name":{"type":"string"},"born":{"type":"integer"}}}}}}"""));

        assertSameJson("""
                {"messages":[{"role":"user","content":[{"text":"Who wrote the first program?"}]}],
                 "toolConfig":{"tools":[{"toolSpec":{"name":"person","description":"A person","inputSchema":{"json":
                   {"type":"object","properties":{"name":{"type":"string"},"born":{"type":"integer"}}}}}}],
                  "toolChoice":{"tool":{"name":"person"}}}}""", upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());
        JsonNode choice = json(complete.body()).path("choices").path(0);
        assertEquals("stop", choice.path("finish_reason").asText());
        assertEquals(readTree("{\"name\":\"Ada\",\"born\":1815}"), readTree(choice.path("message").path("content").asText()));
        assertFalse(choice.path("message").has("tool_calls"), choice.toString());
    }

    @Test
    void doesNotForceTheJsonToolOnModelsWithoutToolChoice()
    {
        String path = "/model/meta.llama3-1-70b-instruct-v1%3A0/converse";
        upstream.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"{}\"}]", "end_turn", usage(1, 1)))));

        adapter("meta.llama3-1-70b-instruct-v1:0", Map.of()).send(TestRequests.chat(
                "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_object\"}}"));

        JsonNode toolConfig = readTree(upstream.onlyRequestTo(path).getBodyAsString()).path("toolConfig");
        assertEquals("json_tool_call", toolConfig.path("tools").path(0).path("toolSpec").path("name").asText());
        assertEquals("{\"type\":\"object\",\"additionalProperties\":true,\"properties\":{}}",
                toolConfig.path("tools").path(0).path("toolSpec").path("inputSchema").path("json").toString());
        assertFalse(toolConfig.has("toolChoice"), toolConfig.toString());
    }

    @Test
    void streamsTheJsonToolsInputAsContent()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_j\",\"name\":\"json_tool_call\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":\"{\\\"ok\\\":\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":\"true}\"}}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("messageStop", "{\"stopReason\":\"tool_use\"}"));

        try (ChunkStream stream = openStream("{\"model\":\"g\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"response_format\":{\"type\":\"json_object\"}}")) {
            List<JsonNode> choices = drainText(stream).stream().map(BedrockAdapterTest::readTree).map(chunk -> chunk.path("choices").path(0)).toList();
            assertEquals(4, choices.size(), choices.toString());
            assertEquals("{\"ok\":", choices.get(1).path("delta").path("content").asText());
            assertEquals("true}", choices.get(2).path("delta").path("content").asText());
            assertEquals("stop", choices.get(3).path("finish_reason").asText());
        }
    }

    @Test
    void acceptsNOfOneAndRefusesMore()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"hi\"}]", "end_turn", usage(1, 1))));

        adapter(Map.of()).send(TestRequests.chat("{\"model\":\"g\",\"n\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}"));
        ProviderException two = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(
                TestRequests.chat("{\"model\":\"g\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}")));

        assertSameJson("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello!\"}]}]}", upstream.onlyRequestTo(CONVERSE_PATH).getBodyAsString());
        assertEquals("n", two.param().orElseThrow());
    }

    // --- Converse: the answer

    @ParameterizedTest
    @CsvSource({
            "end_turn, stop",
            "stop_sequence, stop",
            "max_tokens, length",
            "tool_use, tool_calls",
            "guardrail_intervened, content_filter",
            "content_filtered, content_filter",
            "model_context_window_exceeded, length",
    })
    void mapsStopReasons(String stopReason, String finishReason)
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"x\"}]", stopReason, usage(1, 1))));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat(simpleChat(false)));

        assertEquals(finishReason, json(complete.body()).path("choices").path(0).path("finish_reason").asText());
    }

    @Test
    void countsPromptCacheReadsAndWritesAsLiteLlmDoes()
    {
        stubConverse(aResponse().withStatus(200).withBody(converseAnswer("[{\"text\":\"x\"}]", "end_turn",
                "{\"inputTokens\":20,\"outputTokens\":10,\"totalTokens\":1530,\"cacheReadInputTokens\":1000,\"cacheWriteInputTokens\":500}")));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat(simpleChat(false)));

        assertEquals(new Usage(1520, 10, 1530, 1000, 500), complete.usage());
        JsonNode usage = json(complete.body()).path("usage");
        assertEquals(1520, usage.path("prompt_tokens").asLong());
        assertEquals(1000, usage.path("prompt_tokens_details").path("cached_tokens").asLong());
        assertEquals(500, usage.path("cache_creation_input_tokens").asLong());
    }

    // --- errors

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | ValidationException | Malformed input request: #: extraneous key [foo] is not permitted, please reformat your input and try again. | INVALID_REQUEST",
            "400 | ValidationException | Input is too long for requested model. | CONTEXT_WINDOW_EXCEEDED",
            "400 | ValidationException | The model returned the following errors: too many input tokens | CONTEXT_WINDOW_EXCEEDED",
            "403 | AccessDeniedException | You don't have access to the model with the specified model ID. | PERMISSION_DENIED",
            "403 | UnrecognizedClientException | The security token included in the request is invalid. | AUTHENTICATION",
            "404 | ResourceNotFoundException | Could not resolve the foundation model from the provided model identifier. | NOT_FOUND",
            "429 | ThrottlingException | Too many requests, please wait before trying again. | RATE_LIMITED",
            "400 | ServiceQuotaExceededException | Your request exceeds the service quota for your account. | RATE_LIMITED",
            "503 | ServiceUnavailableException | Bedrock is unable to process your request. | UNAVAILABLE",
            "408 | ModelTimeoutException | The request took too long to process. | TIMEOUT",
            "500 | InternalServerException | The server encountered an internal error. | UPSTREAM_SERVER",
            "429 | ModelNotReadyException | The model is not ready to serve inference requests. | UNAVAILABLE",
            "424 | ModelErrorException | The model failed to process the request. | UPSTREAM_SERVER",
    })
    void mapsBedrocksExceptions(int status, String exceptionType, String message, ErrorKind kind)
    {
        stubConverse(aResponse().withStatus(status)
                .withHeader("x-amzn-ErrorType", exceptionType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "5d7ef8e1-request-id")
                .withBody("{\"message\":\"" + message + "\"}"));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(simpleChat(false))));

        assertEquals(kind, failure.kind());
        assertEquals(status, failure.upstreamStatus());
        assertTrue(failure.getMessage().contains(exceptionType + ": " + message), failure.getMessage());
        assertTrue(failure.getMessage().contains("5d7ef8e1-request-id"), failure.getMessage());
    }

    @Test
    void namesTheContextWindowAndRateLimitCodesAndHonoursRetryAfter()
    {
        stubConverse(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")
                .withHeader("Retry-After", "3").withBody("{\"message\":\"Too many tokens, please wait before trying again.\"}"));

        ProviderException throttled = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(simpleChat(false))));

        assertEquals(ErrorKind.RATE_LIMITED, throttled.kind());
        assertEquals("rate_limit_exceeded", throttled.code().orElseThrow());
        assertEquals(Duration.ofSeconds(3), throttled.retryAfter().orElseThrow());
    }

    @Test
    void readsTheExceptionTypeFromTheBodyWhenTheHeaderIsMissing()
    {
        stubConverse(aResponse().withStatus(400).withBody("{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                + "\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}"));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(simpleChat(false))));

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, failure.kind());
        assertEquals("context_length_exceeded", failure.code().orElseThrow());
    }

    @Test
    void neverShowsCredentialsEchoedInAnError()
    {
        stubConverse(aResponse().withStatus(403).withHeader("x-amzn-ErrorType", "InvalidSignatureException:http://internal.amazon.com/coral/")
                .withBody("{\"message\":\"The request signature we calculated does not match. Credential=" + ACCESS_KEY + ", secret "
                        + SECRET_KEY + ", token " + SESSION_TOKEN + "\"}"));

        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter(Map.of("aws_session_token", SESSION_TOKEN)).send(TestRequests.chat(simpleChat(false))));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        for (String secret : List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)) {
            assertFalse(failure.getMessage().contains(secret), failure.getMessage());
        }
        assertTrue(failure.getMessage().contains("Credential=****"), failure.getMessage());
    }

    @Test
    void mapsAnHtmlGatewayErrorWithoutEchoingIt()
    {
        stubConverse(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>"));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(simpleChat(false))));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertFalse(failure.getMessage().contains("<html>"), failure.getMessage());
    }

    @Test
    void mapsAnErrorStatusOnAStreamingRequest()
    {
        upstream.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")
                .withBody("{\"message\":\"Too many requests, please wait before trying again.\"}")));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(TestRequests.chat(simpleChat(true))));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
    }

    // --- ConverseStream

    @Test
    void streamsTextThenTheFinishReasonThenTheUsage()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ\",\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello\"},\"p\":\"abcdefghijklmnopq\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\" world\"},\"p\":\"abcd\"}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcdefghijklmnopqrstuvw\"}")
                .event("messageStop", "{\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFG\",\"stopReason\":\"end_turn\"}")
                .event("metadata", "{\"metrics\":{\"latencyMs\":412},\"p\":\"abcdefghi\",\"usage\":{\"inputTokens\":9,\"outputTokens\":3,"
                        + "\"totalTokens\":12}}"));

        ProviderResponse.Streaming streaming = assertInstanceOf(ProviderResponse.Streaming.class,
                adapter(Map.of()).send(TestRequests.chat(simpleChat(true))));

        try (ChunkStream stream = streaming.chunks()) {
            assertEquals(Usage.UNKNOWN, stream.usage());
            List<String> chunks = drainText(stream);
            String prefix = "{\"id\":\"" + COMPLETION_ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + NOW.getEpochSecond()
                    + ",\"model\":\"" + MODEL + "\",\"choices\":";
            assertEquals(List.of(
                    prefix + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
                    prefix + "[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]}",
                    prefix + "[{\"index\":0,\"delta\":{\"content\":\" world\"},\"logprobs\":null,\"finish_reason\":null}]}",
                    prefix + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}",
                    prefix + "[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12,\"prompt_tokens_details\":{\"cached_tokens\":0}}}"),
                    chunks);
            assertEquals(new Usage(9, 3, 12, 0, 0), stream.usage());
            assertNull(stream.next(), "the stream stays ended");
        }
        LoggedRequest sent = upstream.onlyRequestTo(STREAM_PATH);
        assertSameJson("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello!\"}]}]}", sent.getBodyAsString());
        assertSignatureMatches(sent, SECRET_KEY);
    }

    @Test
    void leavesTheUsageChunkOutUnlessTheClientAskedForIt()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}")
                .event("messageStop", "{\"stopReason\":\"max_tokens\"}")
                .event("metadata", "{\"metrics\":{\"latencyMs\":40},\"usage\":{\"inputTokens\":9,\"outputTokens\":1,\"totalTokens\":10}}"));

        try (ChunkStream stream = openStream("{\"model\":\"my-group\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")) {
            List<String> chunks = drainText(stream);
            assertEquals(3, chunks.size(), chunks.toString());
            assertEquals("length", readTree(chunks.get(2)).path("choices").path(0).path("finish_reason").asText());
            assertEquals(new Usage(9, 1, 10, 0, 0), stream.usage());
        }
    }

    @Test
    void streamsToolCallArgumentsAsTheyArrive()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Checking.\"}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("contentBlockStart", "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_Bh3dxOPbSeSoRZ1zPIlx5Q\","
                        + "\"name\":\"get_weather\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\": \\\"Pa\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"ris\\\"}\"}}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":1}")
                .event("contentBlockStart", "{\"contentBlockIndex\":2,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_2\",\"name\":\"now\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":2,\"delta\":{\"toolUse\":{\"input\":\"{}\"}}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":2}")
                .event("messageStop", "{\"stopReason\":\"tool_use\"}")
                .event("metadata", "{\"metrics\":{\"latencyMs\":40},\"usage\":{\"inputTokens\":50,\"outputTokens\":20,\"totalTokens\":70}}"));

        try (ChunkStream stream = openStream(simpleChat(true))) {
            List<JsonNode> deltas = drainText(stream).stream().map(BedrockAdapterTest::readTree).map(chunk -> chunk.path("choices").path(0)).toList();
            assertEquals("Checking.", deltas.get(1).path("delta").path("content").asText());
            JsonNode start = deltas.get(2).path("delta").path("tool_calls").path(0);
            assertEquals(0, start.path("index").asInt());
            assertEquals("tooluse_Bh3dxOPbSeSoRZ1zPIlx5Q", start.path("id").asText());
            assertEquals("get_weather", start.path("function").path("name").asText());
            assertEquals("{\"city\": \"Pa", deltas.get(3).path("delta").path("tool_calls").path(0).path("function").path("arguments").asText());
            assertEquals("ris\"}", deltas.get(4).path("delta").path("tool_calls").path(0).path("function").path("arguments").asText());
            JsonNode second = deltas.get(5).path("delta").path("tool_calls").path(0);
            assertEquals(1, second.path("index").asInt());
            assertEquals("now", second.path("function").path("name").asText());
            assertEquals(1, deltas.get(6).path("delta").path("tool_calls").path(0).path("index").asInt());
            assertEquals("tool_calls", deltas.get(7).path("finish_reason").asText());
        }
    }

    @Test
    void streamsReasoningAsReasoningContent()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"text\":\"Let me think.\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"signature\":\"EqoBCkgIARAB\"}}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"text\":\"42\"}}")
                .event("messageStop", "{\"stopReason\":\"end_turn\"}"));

        try (ChunkStream stream = openStream(simpleChat(true))) {
            List<String> chunks = drainText(stream);
            assertEquals(4, chunks.size(), chunks.toString());
            assertEquals("Let me think.", readTree(chunks.get(1)).path("choices").path(0).path("delta").path("reasoning_content").asText());
            assertEquals("42", readTree(chunks.get(2)).path("choices").path(0).path("delta").path("content").asText());
            assertEquals(Usage.UNKNOWN, stream.usage(), "no metadata event, no usage");
        }
    }

    @Test
    void failsWhenTheStreamIsCutInsideAMessage()
    {
        byte[] frames = new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo\"}}").bytes();
        stubStream(Arrays.copyOf(frames, frames.length - 7));

        try (ChunkStream stream = openStream(simpleChat(true))) {
            stream.next();
            assertTrue(new String(stream.next(), StandardCharsets.UTF_8).contains("\"Hel\""));
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut"), failure.getMessage());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
    }

    @Test
    void failsWhenTheStreamEndsBeforeMessageStop()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}"));

        try (ChunkStream stream = openStream(simpleChat(true))) {
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut before its end"), failure.getMessage());
        }
    }

    @Test
    void failsOnACorruptedMessage()
    {
        byte[] frames = new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello\"}}").bytes();
        frames[frames.length - 10] ^= 0x20;
        stubStream(frames);

        try (ChunkStream stream = openStream(simpleChat(true))) {
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
            assertTrue(failure.getMessage().contains("checksum"), failure.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "throttlingException | Too many tokens, please wait before trying again. | RATE_LIMITED",
            "modelStreamErrorException | The model stream ended with an error. | UPSTREAM_SERVER",
            "validationException | Input is too long for requested model. | CONTEXT_WINDOW_EXCEEDED",
            "serviceUnavailableException | Bedrock is unable to process your request. | UNAVAILABLE",
            "internalServerException | The server encountered an internal error. | UPSTREAM_SERVER",
    })
    void failsOnAnExceptionInsideTheStream(String exceptionType, String message, ErrorKind kind)
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}")
                .exception(exceptionType, "{\"message\":\"" + message + "\"}"));

        try (ChunkStream stream = openStream(simpleChat(true))) {
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(kind, failure.kind());
            assertTrue(failure.getMessage().contains(exceptionType + " in the stream: " + message), failure.getMessage());
        }
    }

    @Test
    void failsOnAProtocolErrorMessageInsideTheStream()
    {
        stubStream(new EventStreamFrames()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .message(Map.of(":message-type", "error", ":error-code", "InternalFailure", ":error-message", "An internal error occurred."),
                        new byte[0]));

        try (ChunkStream stream = openStream(simpleChat(true))) {
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
            assertTrue(failure.getMessage().contains("InternalFailure: An internal error occurred."), failure.getMessage());
        }
    }

    // --- embeddings

    @Test
    void embedsWithTitanOneInputPerCall()
    {
        String path = "/model/amazon.titan-embed-text-v2%3A0/invoke";
        upstream.stubFor(post(urlEqualTo(path)).withRequestBody(equalToJson("{\"inputText\":\"first\",\"dimensions\":256}"))
                .willReturn(aResponse().withStatus(200).withBody("{\"embedding\":[0.1,-0.2],\"embeddingsByType\":{\"float\":[0.1,-0.2]},"
                        + "\"inputTextTokenCount\":2}")));
        upstream.stubFor(post(urlEqualTo(path)).withRequestBody(equalToJson("{\"inputText\":\"second one\",\"dimensions\":256}"))
                .willReturn(aResponse().withStatus(200).withBody("{\"embedding\":[0.3,0.4],\"embeddingsByType\":{\"float\":[0.3,0.4]},"
                        + "\"inputTextTokenCount\":3}")));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter("amazon.titan-embed-text-v2:0", Map.of())
                .send(embeddings("{\"model\":\"my-group\",\"input\":[\"first\",\"second one\"],\"dimensions\":256,\"encoding_format\":\"float\"}"));

        assertSameJson("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,-0.2]},"
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.3,0.4]}],\"model\":\"amazon.titan-embed-text-v2:0\","
                + "\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}", new String(complete.body(), StandardCharsets.UTF_8));
        assertEquals(new Usage(5, 0, 5, 0, 0), complete.usage());
        List<LoggedRequest> calls = upstream.findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(2, calls.size());
        calls.forEach(call -> assertSignatureMatches(call, SECRET_KEY));
    }

    @Test
    void embedsWithCohereInOneCall()
    {
        String path = "/model/cohere.embed-english-v3/invoke";
        upstream.stubFor(post(urlEqualTo(path)).withRequestBody(equalToJson("{\"texts\":[\"a\",\"b\"],\"input_type\":\"search_document\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Amzn-Bedrock-Input-Token-Count", "4")
                        .withBody("{\"embeddings\":[[0.5,0.25],[0.125,-1.0]],\"id\":\"1b3c5a28-7e0c-4d3a-9b1f-0c2d3e4f5a6b\","
                                + "\"response_type\":\"embeddings_floats\",\"texts\":[\"a\",\"b\"]}")));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter("cohere.embed-english-v3", Map.of())
                .send(embeddings("{\"model\":\"my-group\",\"input\":[\"a\",\"b\"]}"));

        JsonNode body = json(complete.body());
        assertEquals("[0.125,-1.0]", body.path("data").path(1).path("embedding").toString());
        assertEquals(1, body.path("data").path(1).path("index").asInt());
        assertEquals(new Usage(4, 0, 4, 0, 0), complete.usage());
    }

    @Test
    void mapsAnEmbeddingError()
    {
        upstream.stubFor(post(urlEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withBody("{\"message\":\"400 Bad Request: Too many input tokens. Max input tokens: 8192, request input token count: 9000 \"}")));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter("amazon.titan-embed-text-v2:0", Map.of())
                .send(embeddings("{\"model\":\"my-group\",\"input\":\"long text\"}")));

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, failure.kind());
    }

    @Test
    void refusesEmbeddingsWithAChatModelAndTitanV1Dimensions()
    {
        ProviderException chatModel = assertThrows(ProviderException.class,
                () -> adapter(Map.of()).send(embeddings("{\"model\":\"my-group\",\"input\":\"x\"}")));
        assertEquals(ErrorKind.INVALID_REQUEST, chatModel.kind());

        ProviderException dimensions = assertThrows(ProviderException.class, () -> adapter("amazon.titan-embed-text-v1", Map.of())
                .send(embeddings("{\"model\":\"my-group\",\"input\":\"x\",\"dimensions\":256}")));
        assertEquals("dimensions", dimensions.param().orElseThrow());
    }

    // --- helpers

    private static ProviderAdapter adapter(Map<String, ?> params)
    {
        return adapter(MODEL, params);
    }

    private static ProviderAdapter adapter(String model, Map<String, ?> params)
    {
        return adapter(model, params, new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false));
    }

    private static ProviderAdapter adapter(Map<String, ?> params, ProviderContext context)
    {
        return adapter(MODEL, params, context);
    }

    private static ProviderAdapter adapter(String model, Map<String, ?> params, ProviderContext context)
    {
        Map<String, Object> all = new HashMap<>(params);
        all.put("api_base", upstream.baseUrl());
        all.put("aws_region_name", "us-east-1");
        all.put("aws_access_key_id", ACCESS_KEY);
        all.put("aws_secret_access_key", SECRET_KEY);
        return new BedrockAdapter(TestRequests.deployment("bedrock", model, all), context, name -> null, () -> ID);
    }

    private static ChunkStream openStream(String body)
    {
        ProviderResponse response = adapter(Map.of()).send(TestRequests.chat(body));
        return assertInstanceOf(ProviderResponse.Streaming.class, response).chunks();
    }

    private static ProviderRequest embeddings(String body)
    {
        return TestRequests.request(Endpoint.EMBEDDINGS, body, 3);
    }

    private static void stubConverse(ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(response));
    }

    private static void stubStream(EventStreamFrames frames)
    {
        stubStream(frames.bytes());
    }

    private static void stubStream(byte[] body)
    {
        upstream.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", EVENTSTREAM).withHeader("x-amzn-RequestId", "stream-request-id").withBody(body)));
    }

    /**
     * Recomputes the signature from what the server received (method, raw path, Host header, date, token, body),
     * as AWS would, and compares it with the Authorization header: a signature over anything else than what went
     * over the wire fails here.
     */
    private static void assertSignatureMatches(LoggedRequest received, String secretKey)
    {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", received.getHeader("Host"));
        headers.put("x-amz-date", received.getHeader("X-Amz-Date"));
        if (received.containsHeader("X-Amz-Security-Token")) {
            headers.put("x-amz-security-token", received.getHeader("X-Amz-Security-Token"));
        }
        String amzDate = received.getHeader("X-Amz-Date");
        String scope = amzDate.substring(0, 8) + "/us-east-1/bedrock/aws4_request";
        String canonical = SigV4Signer.canonicalRequest(received.getMethod().getName(), SigV4Signer.canonicalUri(received.getUrl()), "",
                headers, SigV4Signer.sha256Hex(received.getBody()));
        String stringToSign = SigV4Signer.stringToSign(amzDate, scope, canonical);
        byte[] key = SigV4Signer.signingKey(secretKey, amzDate.substring(0, 8), "us-east-1", "bedrock");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        assertTrue(received.getHeader("Authorization").endsWith("SignedHeaders=" + String.join(";", headers.keySet()) + ", Signature=" + signature),
                received.getHeader("Authorization") + " does not sign\n" + canonical);
    }

    private static byte[] hmac(byte[] key, String data)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String simpleChat(boolean stream)
    {
        return "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]"
                + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    private static String chatWithTool(String toolChoice)
    {
        return "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"time?\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}],"
                + "\"tool_choice\":" + toolChoice + "}";
    }

    private static void assertSameJson(String expected, String actual)
    {
        assertEquals(readTree(expected), readTree(actual), actual);
    }

    private static JsonNode json(byte[] body)
    {
        return readTree(new String(body, StandardCharsets.UTF_8));
    }

    private static JsonNode readTree(String text)
    {
        try {
            return JSON.readTree(text);
        }
        catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
