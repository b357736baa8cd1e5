package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.junction.plugins.providers.ProvidersPlugin;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
import io.junction.plugins.providers.common.Json;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.junction.plugins.providers.ChunkStreams.drainJson;
import static io.junction.plugins.providers.ChunkStreams.streamOf;
import static io.junction.plugins.providers.ollama.OllamaBodies.chatAnswer;
import static io.junction.plugins.providers.ollama.OllamaBodies.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ollama adapter against a WireMock server answering with the shapes of Ollama's API documentation. */
class OllamaAdapterTest
{
    private static final String CHAT = "/api/chat";
    private static final String GENERATE = "/api/generate";
    private static final String EMBED = "/api/embed";
    private static final String API_KEY = "ollama-cloud-key-7f3a9c";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String FIRST_ID = new UUID(0, 1).toString();
    private static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    // --- ollama_chat/: the request

    @Test
    void sendsMessagesAndOptionsToApiChat()
    {
        stubAt(CHAT, ok(chatAnswer("Hello! How are you today?", "stop", 26, 298)));

        adapter("ollama_chat", "llama3.2", Map.of()).send(TestRequests.chat("""
                {"model":"my-group","messages":[{"role":"system","content":"Be brief."},{"role":"developer","content":"No emoji."},
                {"role":"user","content":[{"type":"text","text":"Why is the sky blue?"}]}],
                "temperature":0.7,"top_p":0.9,"max_tokens":100,"stop":"\\n\\n","seed":42,"frequency_penalty":0.5,"presence_penalty":0.25,
                "response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{"type":"object","properties":{"age":{"type":"integer"}}}}},
                "user":"u-1"}"""));

        upstream.verify(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("""
                {"model":"llama3.2","stream":false,
                 "messages":[{"role":"system","content":"Be brief."},{"role":"system","content":"No emoji."},
                             {"role":"user","content":"Why is the sky blue?"}],
                 "options":{"temperature":0.7,"top_p":0.9,"seed":42,"frequency_penalty":0.5,"presence_penalty":0.25,"num_predict":100,
                            "stop":["\\n\\n"]},
                 "format":{"type":"object","properties":{"age":{"type":"integer"}}}}""")));
        assertFalse(upstream.onlyRequestTo(CHAT).containsHeader("Authorization"), "a local server takes no key");
    }

    @Test
    void translatesAToolConversationBothWays()
    {
        stubAt(CHAT, ok("""
                {"model":"llama3.2","created_at":"2024-07-22T20:33:28.123648Z","message":{"role":"assistant","content":"",
                "tool_calls":[{"function":{"name":"get_current_weather","arguments":{"format":"celsius","location":"Paris, FR"}}}]},
                "done_reason":"stop","done":true,"total_duration":885095291,"load_duration":3753500,"prompt_eval_count":122,
                "prompt_eval_duration":328493000,"eval_count":33,"eval_duration":552222000}"""));
        String tools = "[{\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\",\"description\":\"Get the weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}]";

        ProviderResponse response = adapter("ollama_chat", "llama3.2", Map.of()).send(TestRequests.chat("""
                {"model":"my-group","tool_choice":"auto","tools":%s,"messages":[
                 {"role":"user","content":"Weather in Lyon, then Paris?"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"get_current_weather","arguments":"{\\"location\\":\\"Lyon\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"14 degrees"}]}""".formatted(tools)));

        upstream.verify(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("""
                {"model":"llama3.2","stream":false,"options":{},"tools":%s,"messages":[
                 {"role":"user","content":"Weather in Lyon, then Paris?"},
                 {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_current_weather","arguments":{"location":"Lyon"}}}]},
                 {"role":"tool","content":"14 degrees","tool_name":"get_current_weather"}]}""".formatted(tools))));
        JsonNode completion = body(response);
        JsonNode message = completion.path("choices").path(0).path("message");
        assertTrue(message.path("content").isNull(), completion.toString());
        JsonNode call = message.path("tool_calls").path(0);
        assertEquals("call_" + new UUID(0, 2), call.path("id").asText());
        assertEquals("get_current_weather", call.path("function").path("name").asText());
        assertEquals(Json.MAPPER.createObjectNode().put("format", "celsius").put("location", "Paris, FR"),
                parse(call.path("function").path("arguments").asText()));
        assertEquals("tool_calls", completion.path("choices").path(0).path("finish_reason").asText());
        assertEquals(new Usage(122, 33, 155, 0, 0), ((ProviderResponse.Complete) response).usage());
    }

    @Test
    void sendsInlineImagesAsBase64AndRefusesLinks()
    {
        stubAt(CHAT, ok(chatAnswer("A pixel.", "stop", 1, 3)));
        ProviderAdapter adapter = adapter("ollama_chat", "llava", Map.of());

        adapter.send(TestRequests.chat("{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is in this "
                + "picture?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG_BASE64 + "\"}}]}]}"));
        ProviderException link = assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat("{\"model\":\"g\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}]}")));

        upstream.verify(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("{\"model\":\"llava\",\"stream\":false,\"options\":{},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is in this picture?\",\"images\":[\"" + PNG_BASE64 + "\"]}]}")));
        assertEquals(ErrorKind.INVALID_REQUEST, link.kind());
        assertTrue(link.getMessage().contains("data:"), link.getMessage());
    }

    @Test
    void appliesDeploymentOptionsAndKeepAliveWithTheRequestWinning()
    {
        stubAt(CHAT, ok(chatAnswer("ok", "stop", 1, 1)));

        adapter("ollama_chat", "llama3.2", Map.of("num_ctx", 8192, "top_k", 20, "keep_alive", "10m", "api_key", API_KEY))
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"top_k\":5,\"reasoning_effort\":\"low\"}"));

        upstream.verify(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("{\"model\":\"llama3.2\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"options\":{\"num_ctx\":8192,\"top_k\":5},\"keep_alive\":\"10m\",\"think\":true}")));
        assertEquals("Bearer " + API_KEY, upstream.onlyRequestTo(CHAT).getHeader("Authorization"));
    }

    // --- ollama_chat/: answers

    @Test
    void answersInOpenAisShapeWithTheModelOllamaNamesAndItsCounts()
    {
        stubAt(CHAT, ok("""
                {"model":"deepseek-r1:8b","created_at":"2023-12-12T14:13:43.416799Z","message":{"role":"assistant",
                "content":"Hello! How are you today?","thinking":"The user greets me."},"done":true,"done_reason":"stop",
                "total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,"prompt_eval_duration":383809000,
                "eval_count":298,"eval_duration":4799921000}"""));

        ProviderResponse response = adapter("ollama_chat", "deepseek-r1:8b", Map.of())
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}"));

        JsonNode completion = body(response);
        assertEquals("chatcmpl-" + FIRST_ID, completion.path("id").asText());
        assertEquals("chat.completion", completion.path("object").asText());
        assertEquals(NOW.getEpochSecond(), completion.path("created").asLong());
        assertEquals("deepseek-r1:8b", completion.path("model").asText());
        JsonNode choice = completion.path("choices").path(0);
        assertEquals("Hello! How are you today?", choice.path("message").path("content").asText());
        assertEquals("The user greets me.", choice.path("message").path("reasoning_content").asText());
        assertEquals("stop", choice.path("finish_reason").asText());
        assertEquals(26, completion.path("usage").path("prompt_tokens").asInt());
        assertEquals(298, completion.path("usage").path("completion_tokens").asInt());
        assertEquals(new Usage(26, 298, 324, 0, 0), ((ProviderResponse.Complete) response).usage());
    }

    @Test
    void reportsLengthWhenNumPredictStoppedTheModel()
    {
        stubAt(CHAT, ok(chatAnswer("The sky is", "length", 12, 3)));

        JsonNode completion = body(adapter("ollama_chat", "llama3.2", Map.of())
                .send(TestRequests.chat("{\"model\":\"g\",\"max_completion_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"Why?\"}]}")));

        assertEquals("length", completion.path("choices").path(0).path("finish_reason").asText());
    }

    @Test
    void estimatesThePromptWhenOllamaServedItFromItsCache()
    {
        // Ollama leaves prompt_eval_count out when the whole prompt was cached
        stubAt(CHAT, ok("{\"model\":\"llama3.2\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                + "\"done\":true,\"done_reason\":\"stop\",\"eval_count\":2}"));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter("ollama_chat", "llama3.2", Map.of())
                .send(TestRequests.request(Endpoint.CHAT_COMPLETIONS, "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", 17));

        assertEquals(new Usage(17, 2, 19, 0, 0), complete.usage());
    }

    // --- ollama_chat/: streams

    @Test
    void streamsNdjsonLinesAsChunksWithUsageWhenAsked()
    {
        stubAt(CHAT, ndjson(
                line("The", false),
                line(" sky", false),
                line(" is blue.", false),
                "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"done\":true,\"done_reason\":\"stop\",\"total_duration\":4883583458,\"load_duration\":1334875,"
                        + "\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}"));

        ProviderResponse response = adapter("ollama_chat", "llama3.2", Map.of()).send(TestRequests.chat("{\"model\":\"g\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}"));

        try (ChunkStream stream = streamOf(response)) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(6, chunks.size(), chunks.toString());
            assertEquals("assistant", delta(chunks.get(0)).path("role").asText());
            assertEquals(List.of("The", " sky", " is blue."), List.of(delta(chunks.get(1)).path("content").asText(),
                    delta(chunks.get(2)).path("content").asText(), delta(chunks.get(3)).path("content").asText()));
            assertEquals("stop", chunks.get(4).path("choices").path(0).path("finish_reason").asText());
            assertEquals(0, chunks.get(5).path("choices").size());
            assertEquals(308, chunks.get(5).path("usage").path("total_tokens").asInt());
            for (JsonNode chunk : chunks) {
                assertEquals("chatcmpl-" + FIRST_ID, chunk.path("id").asText());
                assertEquals("chat.completion.chunk", chunk.path("object").asText());
                assertEquals("llama3.2", chunk.path("model").asText());
            }
            assertEquals(new Usage(26, 282, 308, 0, 0), stream.usage());
            assertNull(stream.next());
        }
        upstream.verify(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("{\"model\":\"llama3.2\",\"stream\":true,\"options\":{},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}")));
    }

    @Test
    void streamsToolCallsWholeWithMadeUpIdsAndReasoning()
    {
        stubAt(CHAT, ndjson(
                "{\"model\":\"qwen3\",\"created_at\":\"2025-05-27T22:54:57.641643Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                        + "\"thinking\":\"I should look it up.\"},\"done\":false}",
                "{\"model\":\"qwen3\",\"created_at\":\"2025-05-27T22:54:58.100509Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                        + "\"tool_calls\":[{\"function\":{\"name\":\"get_temperature\",\"arguments\":{\"city\":\"New York\"}}}]},\"done\":false}",
                "{\"model\":\"qwen3\",\"created_at\":\"2025-05-27T22:54:58.2Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":180,\"eval_count\":25}"));

        try (ChunkStream stream = streamOf(adapter("ollama_chat", "qwen3", Map.of()).send(TestRequests.chat(
                "{\"model\":\"g\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Temperature in New York?\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_temperature\",\"parameters\":{\"type\":\"object\"}}}]}")))) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(5, chunks.size(), chunks.toString());
            assertEquals("I should look it up.", delta(chunks.get(1)).path("reasoning_content").asText());
            JsonNode start = delta(chunks.get(2)).path("tool_calls").path(0);
            assertEquals(0, start.path("index").asInt());
            assertEquals("call_" + new UUID(0, 2), start.path("id").asText());
            assertEquals("get_temperature", start.path("function").path("name").asText());
            assertEquals("{\"city\":\"New York\"}", delta(chunks.get(3)).path("tool_calls").path(0).path("function").path("arguments").asText());
            assertEquals("tool_calls", chunks.get(4).path("choices").path(0).path("finish_reason").asText());
            assertEquals(new Usage(180, 25, 205, 0, 0), stream.usage());
        }
    }

    @Test
    void failsAStreamThatEndsBeforeDone()
    {
        stubAt(CHAT, ndjson(line("The", false), line(" sky", false)));

        try (ChunkStream stream = openChatStream()) {
            stream.next();
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut"), failure.getMessage());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
    }

    @Test
    void failsAStreamCutInTheMiddleOfALine()
    {
        stubAt(CHAT, aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson")
                .withBody(line("The", false) + "\n{\"model\":\"llama3.2\",\"created_at\":\"2023-08"));

        try (ChunkStream stream = openChatStream()) {
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut"), failure.getMessage());
        }
    }

    @Test
    void failsOnAnErrorLineInTheStream()
    {
        stubAt(CHAT, ndjson(line(" Yes", false), "{\"error\":\"an error was encountered while running the model\"}"));

        try (ChunkStream stream = openChatStream()) {
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
            assertTrue(failure.getMessage().contains("an error was encountered while running the model"), failure.getMessage());
        }
    }

    // --- errors

    @Test
    void mapsAModelThatIsNotPulledToNotFound()
    {
        stubAt(CHAT, aResponse().withStatus(404).withBody("{\"error\":\"model 'llama3.2' not found, try pulling it first\"}"));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter("ollama_chat", "llama3.2", Map.of())
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));

        assertEquals(ErrorKind.NOT_FOUND, failure.kind());
        assertEquals(404, failure.upstreamStatus());
        assertTrue(failure.getMessage().contains("model 'llama3.2' not found"), failure.getMessage());
    }

    @Test
    void mapsBadRequestsAndServerErrorsOnStreamsToo()
    {
        stubAt(CHAT, aResponse().withStatus(400).withBody("{\"error\":\"invalid character '}' looking for beginning of value\"}"));
        ProviderException badRequest = assertThrows(ProviderException.class, this::openChatStream);

        upstream.resetAll();
        stubAt(CHAT, aResponse().withStatus(500).withBody("{\"error\":\"the model failed to generate a response\"}"));
        ProviderException serverError = assertThrows(ProviderException.class, this::openChatStream);

        assertEquals(ErrorKind.INVALID_REQUEST, badRequest.kind());
        assertEquals(ErrorKind.UPSTREAM_SERVER, serverError.kind());
        assertTrue(serverError.kind().retryable());
        assertTrue(serverError.getMessage().contains("the model failed to generate a response"), serverError.getMessage());
    }

    @Test
    void neverShowsTheKeyInErrorsOrToString()
    {
        stubAt(CHAT, aResponse().withStatus(401).withBody("{\"error\":\"unauthorized: key " + API_KEY + " is not valid\"}"));
        ProviderAdapter adapter = adapter("ollama_chat", "gpt-oss:120b", Map.of("api_key", API_KEY));

        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter.send(TestRequests.chat("{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        assertFalse(adapter.toString().contains(API_KEY), adapter.toString());
    }

    // --- parameters

    @Test
    void refusesWhatOllamaCannotDoUnlessDropParamsIsOn()
    {
        String body = "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logprobs\":true,\"n\":2}";
        stubAt(CHAT, ok(chatAnswer("hi", "stop", 1, 1)));

        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter("ollama_chat", "llama3.2", Map.of()).send(TestRequests.chat(body)));
        adapter("ollama_chat", "llama3.2", Map.of("drop_params", true)).send(TestRequests.chat(body));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertTrue(failure.getMessage().contains("ollama_chat does not support parameters: [logprobs, n]"), failure.getMessage());
        upstream.verify(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("{\"model\":\"llama3.2\",\"stream\":false,\"options\":{},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
    }

    @Test
    void refusesToolsOnGenerateAsLiteLlmDoes()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter("ollama", "llama3.2", Map.of()).send(TestRequests.chat(
                "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}")));

        assertEquals("tools", failure.param().orElseThrow());
    }

    // --- ollama/: /api/generate

    @Test
    void flattensTheConversationIntoAGeneratePrompt()
    {
        stubAt(GENERATE, ok("{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"response\":\"Rayleigh scattering.\","
                + "\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2,3],\"total_duration\":5043500667,\"load_duration\":5025959,"
                + "\"prompt_eval_count\":26,\"prompt_eval_duration\":325953000,\"eval_count\":290,\"eval_duration\":4709213000}"));

        ProviderResponse response = adapter("ollama", "llama3.2", Map.of()).send(TestRequests.chat("""
                {"model":"g","temperature":0,"response_format":{"type":"json_object"},"messages":[
                 {"role":"system","content":"Be brief."},
                 {"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]},
                 {"role":"assistant","content":"A pixel."},
                 {"role":"user","content":"Why is the sky blue?"}]}""".formatted(PNG_BASE64)));

        upstream.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
                {"model":"llama3.2","stream":false,"format":"json","options":{"temperature":0},"images":["%s"],
                 "prompt":"### System:\\nBe brief.\\n\\n### User:\\nWhat is this?\\n\\n### Assistant:\\nA pixel.\\n\\n### User:\\nWhy is the sky blue?\\n\\n"}"""
                .formatted(PNG_BASE64))));
        JsonNode completion = body(response);
        assertEquals("Rayleigh scattering.", completion.path("choices").path(0).path("message").path("content").asText());
        assertEquals(new Usage(26, 290, 316, 0, 0), ((ProviderResponse.Complete) response).usage());
    }

    @Test
    void streamsGenerateResponses()
    {
        stubAt(GENERATE, ndjson(
                "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"response\":\"The\",\"done\":false}",
                "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"response\":\"\",\"done\":true,\"done_reason\":\"length\","
                        + "\"context\":[1,2,3],\"prompt_eval_count\":26,\"eval_count\":1}"));

        try (ChunkStream stream = streamOf(adapter("ollama", "llama3.2", Map.of()).send(TestRequests.chat(
                "{\"model\":\"g\",\"stream\":true,\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}")))) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(3, chunks.size(), chunks.toString());
            assertEquals("The", delta(chunks.get(1)).path("content").asText());
            assertEquals("length", chunks.get(2).path("choices").path(0).path("finish_reason").asText());
            assertEquals(new Usage(26, 1, 27, 0, 0), stream.usage());
        }
        upstream.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("{\"model\":\"llama3.2\",\"stream\":true,"
                + "\"options\":{\"num_predict\":1},\"prompt\":\"### User:\\nWhy is the sky blue?\\n\\n\"}")));
    }

    // --- embeddings

    @Test
    void embedsOnApiEmbedInOpenAisListShape()
    {
        stubAt(EMBED, ok("{\"model\":\"all-minilm\",\"embeddings\":[[0.010071029,-0.0017594862],[-0.0098027075,0.06042469]],"
                + "\"total_duration\":14143917,\"load_duration\":1019500,\"prompt_eval_count\":8}"));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter("ollama", "all-minilm", Map.of("keep_alive", 0))
                .send(TestRequests.request(Endpoint.EMBEDDINGS,
                        "{\"model\":\"g\",\"input\":[\"Why is the sky blue?\",\"Why is the grass green?\"],\"encoding_format\":\"float\"}", 8));

        upstream.verify(postRequestedFor(urlEqualTo(EMBED)).withRequestBody(equalToJson(
                "{\"model\":\"all-minilm\",\"input\":[\"Why is the sky blue?\",\"Why is the grass green?\"],\"keep_alive\":0}")));
        JsonNode list = parse(new String(complete.body(), StandardCharsets.UTF_8));
        assertEquals("list", list.path("object").asText());
        assertEquals(2, list.path("data").size());
        assertEquals(1, list.path("data").path(1).path("index").asInt());
        assertEquals("embedding", list.path("data").path(1).path("object").asText());
        assertEquals(-0.0098027075, list.path("data").path(1).path("embedding").path(0).asDouble(), 0);
        assertEquals(8, list.path("usage").path("prompt_tokens").asInt());
        assertEquals(new Usage(8, 0, 8, 0, 0), complete.usage());
    }

    @Test
    void refusesTokenArraysAndBase64Embeddings()
    {
        ProviderAdapter adapter = adapter("ollama", "all-minilm", Map.of());

        ProviderException tokens = assertThrows(ProviderException.class, () -> adapter.send(TestRequests.request(Endpoint.EMBEDDINGS,
                "{\"model\":\"g\",\"input\":[1,2,3]}", 3)));
        ProviderException base64 = assertThrows(ProviderException.class, () -> adapter.send(TestRequests.request(Endpoint.EMBEDDINGS,
                "{\"model\":\"g\",\"input\":\"hi\",\"encoding_format\":\"base64\"}", 1)));

        assertEquals("input", tokens.param().orElseThrow());
        assertEquals("encoding_format", base64.param().orElseThrow());
    }

    // --- configuration

    @Test
    void servesTheDefaultLocalServerAndRefusesTextCompletions()
    {
        OllamaAdapterFactory factory = new OllamaAdapterFactory(name -> null, UUID::randomUUID);
        OllamaSettings settings = OllamaSettings.from(TestRequests.deployment("ollama_chat", "llama3.2", Map.of()), name -> null);
        OllamaSettings fromEnvironment = OllamaSettings.from(TestRequests.deployment("ollama", "llama3.2", Map.of()),
                Map.of("OLLAMA_API_BASE", "http://gpu-box:11434/api/generate")::get);

        assertEquals("http://localhost:11434/api/chat", settings.chatUri().toString());
        assertEquals("http://gpu-box:11434/api/generate", fromEnvironment.generateUri().toString());
        assertEquals(Set.of("ollama", "ollama_chat"), factory.modelPrefixes());
        ProviderException completions = assertThrows(ProviderException.class, () -> adapter("ollama", "llama3.2", Map.of())
                .send(TestRequests.request(Endpoint.COMPLETIONS, "{\"model\":\"g\",\"prompt\":\"hi\"}", 1)));
        assertEquals(ErrorKind.INVALID_REQUEST, completions.kind());
    }

    @Test
    void isRegisteredInThePluginForChatAndEmbeddings()
    {
        OllamaAdapterFactory factory = new ProvidersPlugin().providerAdapterFactories().stream()
                .filter(OllamaAdapterFactory.class::isInstance).map(OllamaAdapterFactory.class::cast).findFirst().orElseThrow();

        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), factory.endpoints());
        assertEquals(Set.of("api_key"), factory.secretKeys());
    }

    // --- helpers

    private ChunkStream openChatStream()
    {
        return streamOf(adapter("ollama_chat", "llama3.2", Map.of())
                .send(TestRequests.chat("{\"model\":\"g\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
    }

    private static ProviderAdapter adapter(String prefix, String model, Map<String, ?> params)
    {
        Map<String, Object> withBase = new HashMap<>(params);
        withBase.putIfAbsent("api_base", upstream.baseUrl());
        AtomicLong ids = new AtomicLong();
        OllamaAdapterFactory factory = new OllamaAdapterFactory(name -> null, () -> new UUID(0, ids.incrementAndGet()));
        return factory.create(TestRequests.deployment(prefix, model, withBase),
                new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false));
    }

    private static void stubAt(String path, ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private static ResponseDefinitionBuilder ndjson(String... lines)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", OllamaBodies.NDJSON).withBody(OllamaBodies.ndjson(lines));
    }

    private static JsonNode delta(JsonNode chunk)
    {
        return chunk.path("choices").path(0).path("delta");
    }

    private static JsonNode body(ProviderResponse response)
    {
        return parse(new String(assertInstanceOf(ProviderResponse.Complete.class, response).body(), StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json)
    {
        try {
            return Json.MAPPER.readTree(json);
        }
        catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
