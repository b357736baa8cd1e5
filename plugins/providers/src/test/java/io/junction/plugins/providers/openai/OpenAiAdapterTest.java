package io.junction.plugins.providers.openai;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.junction.plugins.providers.ChunkStreams.drainText;
import static io.junction.plugins.providers.ChunkStreams.streamOf;
import static io.junction.plugins.providers.openai.OpenAiBodies.chunk;
import static io.junction.plugins.providers.openai.OpenAiBodies.error;
import static io.junction.plugins.providers.openai.OpenAiBodies.events;
import static io.junction.plugins.providers.openai.OpenAiBodies.usageChunk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The openai adapter against a WireMock server answering with the shapes of OpenAI's API reference. */
class OpenAiAdapterTest
{
    private static final String API_KEY = "sk-test-Zq81secretKEY";
    private static final String UPSTREAM_MODEL = "gpt-4o-2024-08-06";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String CHAT_PATH = "/v1/chat/completions";

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    // --- the request sent upstream

    @Test
    void forwardsTheClientBodyWithOnlyTheModelReplaced()
    {
        String clientBody = "{ \"model\" : \"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"h\u00e9llo \\\"there\\\"\"}],"
                + "\n  \"temperature\": 0.20, \"x_vendor\": {\"keep\": [1, 2.50, null]} }";
        stubChat(aResponse().withStatus(200).withBody(chatCompletionBody()));

        adapter(Map.of("api_key", API_KEY, "organization", "org-42", "extra_headers", Map.of("X-Trace", "abc")))
                .send(TestRequests.chat(clientBody));

        LoggedRequest sent = upstream.onlyRequestTo(CHAT_PATH);
        String expectedBody = clientBody.replace("\"my-group\"", "\"" + UPSTREAM_MODEL + "\"");
        assertArrayEquals(expectedBody.getBytes(StandardCharsets.UTF_8), sent.getBody());
        assertEquals("Bearer " + API_KEY, sent.getHeader("Authorization"));
        assertEquals("org-42", sent.getHeader("OpenAI-Organization"));
        assertEquals("abc", sent.getHeader("X-Trace"));
        assertTrue(sent.getHeader("Content-Type").startsWith("application/json"));
    }

    @Test
    void sendsNoAuthorizationHeaderWithoutAnApiKey()
    {
        stubChat(aResponse().withStatus(200).withBody(chatCompletionBody()));

        adapter(Map.of()).send(TestRequests.chat(simpleChatBody(false)));

        assertFalse(upstream.onlyRequestTo(CHAT_PATH).containsHeader("Authorization"));
    }

    @Test
    void servesCompletionsAndEmbeddingsOnTheirOwnPaths()
    {
        String embeddingsBody = """
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023,-0.0093]}],\
                "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}""";
        upstream.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200).withBody(embeddingsBody)));
        upstream.stubFor(post(urlEqualTo("/v1/completions")).willReturn(aResponse().withStatus(200).withBody("""
                {"id":"cmpl-1","object":"text_completion","created":1,"model":"gpt-3.5-turbo-instruct",\
                "choices":[{"text":"hi","index":0,"logprobs":null,"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}""")));
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));

        ProviderResponse.Complete embeddings = (ProviderResponse.Complete) adapter.send(TestRequests.request(Endpoint.EMBEDDINGS,
                "{\"model\":\"my-group\",\"input\":\"The food was delicious\"}", 4));
        ProviderResponse.Complete completion = (ProviderResponse.Complete) adapter.send(TestRequests.request(Endpoint.COMPLETIONS,
                "{\"model\":\"my-group\",\"prompt\":\"Say hi\"}", 4));

        assertArrayEquals(embeddingsBody.getBytes(StandardCharsets.UTF_8), embeddings.body());
        assertEquals(new Usage(8, 0, 8, 0, 0), embeddings.usage());
        assertEquals(new Usage(5, 7, 12, 0, 0), completion.usage());
        assertEquals("{\"model\":\"" + UPSTREAM_MODEL + "\",\"input\":\"The food was delicious\"}",
                upstream.onlyRequestTo("/v1/embeddings").getBodyAsString());
    }

    // --- non-streaming answers

    @Test
    void passesTheBodyThroughByteForByteWithItsUsage()
    {
        String body = chatCompletionBody();
        stubChat(aResponse().withStatus(200).withBody(body)
                .withHeader("x-ratelimit-remaining-requests", "9999")
                .withHeader("x-ratelimit-limit-tokens", "30000000")
                .withHeader("openai-processing-ms", "310")
                .withHeader("Set-Cookie", "__cf_bm=abc"));

        ProviderResponse response = adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(simpleChatBody(false)));

        ProviderResponse.Complete complete = assertInstanceOf(ProviderResponse.Complete.class, response);
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), complete.body());
        assertEquals(new Usage(19, 10, 29, 4, 0), complete.usage());
        assertEquals(Map.of("x-ratelimit-remaining-requests", "9999", "x-ratelimit-limit-tokens", "30000000"), complete.headers());
    }

    @Test
    void reportsUnknownUsageWhenTheUpstreamSaysNothing()
    {
        stubChat(aResponse().withStatus(200).withBody("{\"id\":\"x\",\"choices\":[]}"));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of()).send(TestRequests.chat(simpleChatBody(false)));

        assertEquals(Usage.UNKNOWN, complete.usage());
    }

    // --- errors

    @Test
    void mapsUnauthorizedAndNeverShowsTheKeyTheUpstreamEchoes()
    {
        stubChat(aResponse().withStatus(401).withBody(error("Incorrect API key provided: " + API_KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key")));

        ProviderException failure = sendExpectingFailure(Map.of("api_key", API_KEY));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        assertEquals(401, failure.upstreamStatus());
        assertEquals("invalid_api_key", failure.code().orElseThrow());
        assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        assertTrue(failure.getMessage().contains("Incorrect API key provided: ****"), failure.getMessage());
    }

    @Test
    void mapsNotFound()
    {
        stubChat(aResponse().withStatus(404).withBody(error("The model `gpt-5-nope` does not exist or you do not have access to it.",
                "invalid_request_error", null, "model_not_found")));

        ProviderException failure = sendExpectingFailure(Map.of("api_key", API_KEY));

        assertEquals(ErrorKind.NOT_FOUND, failure.kind());
        assertEquals("model_not_found", failure.code().orElseThrow());
        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
    }

    @Test
    void mapsRateLimitWithRetryAfterAndRateLimitHeaders()
    {
        stubChat(aResponse().withStatus(429)
                .withHeader("Retry-After", "20")
                .withHeader("x-ratelimit-remaining-tokens", "0")
                .withHeader("x-ratelimit-reset-tokens", "20s")
                .withBody(error("Rate limit reached for gpt-4o in organization org-42 on tokens per min (TPM): Limit 30000, Used 30000.",
                        "tokens", null, "rate_limit_exceeded")));

        ProviderException failure = sendExpectingFailure(Map.of("api_key", API_KEY));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertEquals(Duration.ofSeconds(20), failure.retryAfter().orElseThrow());
        assertEquals(Map.of("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "20s"), failure.headers());
    }

    @Test
    void prefersRetryAfterMsAndReadsHttpDates()
    {
        stubChat(aResponse().withStatus(429).withHeader("retry-after-ms", "1500").withHeader("Retry-After", "2")
                .withBody(error("Rate limit reached", "requests", null, "rate_limit_exceeded")));
        assertEquals(Duration.ofMillis(1500), sendExpectingFailure(Map.of()).retryAfter().orElseThrow());

        upstream.resetAll();
        stubChat(aResponse().withStatus(503).withHeader("Retry-After", "Sat, 21 Nov 2026 10:00:45 GMT").withBody("{}"));
        ProviderException failure = sendExpectingFailure(Map.of());
        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertEquals(Duration.ofSeconds(45), failure.retryAfter().orElseThrow());
    }

    @Test
    void mapsContextLengthExceeded()
    {
        stubChat(aResponse().withStatus(400).withBody(error("This model's maximum context length is 128000 tokens. "
                + "However, your messages resulted in 130000 tokens. Please reduce the length of the messages.",
                "invalid_request_error", "messages", "context_length_exceeded")));

        ProviderException failure = sendExpectingFailure(Map.of());

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, failure.kind());
        assertEquals("messages", failure.param().orElseThrow());
        assertEquals("context_length_exceeded", failure.code().orElseThrow());
    }

    @Test
    void recognisesContextLengthFromTheMessageAlone()
    {
        // vLLM says it in the message only
        stubChat(aResponse().withStatus(400).withBody("{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens. "
                + "However, you requested 5000 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"));

        ProviderException failure = sendExpectingFailure(Map.of());

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, failure.kind());
        assertTrue(failure.getMessage().contains("maximum context length is 4096"), failure.getMessage());
    }

    @Test
    void mapsContentPolicy()
    {
        stubChat(aResponse().withStatus(400).withBody(error("Your request was rejected as a result of our safety system.",
                "invalid_request_error", null, "content_policy_violation")));

        assertEquals(ErrorKind.CONTENT_POLICY, sendExpectingFailure(Map.of()).kind());
    }

    @Test
    void mapsServerError()
    {
        stubChat(aResponse().withStatus(500).withBody(error("The server had an error while processing your request. Sorry about that!",
                "server_error", null, null)));

        ProviderException failure = sendExpectingFailure(Map.of());

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
        assertTrue(failure.kind().retryable());
        assertTrue(failure.getMessage().contains("The server had an error"), failure.getMessage());
    }

    @Test
    void mapsANonJsonBadGatewayWithoutEchoingIt()
    {
        String html = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(50_000) + "</body></html>";
        stubChat(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html));

        ProviderException failure = sendExpectingFailure(Map.of());

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertEquals(502, failure.upstreamStatus());
        assertFalse(failure.getMessage().contains("<html>"), failure.getMessage());
        assertTrue(failure.getMessage().length() < 200, failure.getMessage());
    }

    @Test
    void mapsAnErrorStatusOnAStreamingRequest()
    {
        stubChat(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withBody(error("Rate limit reached", "requests", null, "rate_limit_exceeded")));

        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter(Map.of()).send(TestRequests.chat(simpleChatBody(true))));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertEquals(Duration.ofSeconds(3), failure.retryAfter().orElseThrow());
    }

    // --- streams

    @Test
    void streamsChunksInOrderAndUnchangedWithTheirUsage()
    {
        List<String> chunks = List.of(
                chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"),
                chunk("{\"content\":\"Hello\"}", "null"),
                chunk("{\"content\":\" wor\\u006cd \\\"!\\\"\"}", "null"),
                chunk("{}", "\"stop\""),
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":0}}}");
        StringBuilder body = new StringBuilder(": OPENROUTER PROCESSING\n\n");
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        body.append("data: [DONE]\n\n");
        stubChat(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withHeader("x-ratelimit-remaining-requests", "42").withBody(body.toString()));

        ProviderResponse response = adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(simpleChatBody(true)));

        ProviderResponse.Streaming streaming = assertInstanceOf(ProviderResponse.Streaming.class, response);
        assertEquals(Map.of("x-ratelimit-remaining-requests", "42"), streaming.headers());
        try (ChunkStream stream = streaming.chunks()) {
            assertEquals(Usage.UNKNOWN, stream.usage());
            List<String> received = new ArrayList<>();
            for (byte[] chunk = stream.next(); chunk != null; chunk = stream.next()) {
                received.add(new String(chunk, StandardCharsets.UTF_8));
            }
            assertEquals(chunks, received);
            assertEquals(new Usage(9, 3, 12, 0, 0), stream.usage());
            assertNull(stream.next(), "the stream stays ended");
        }
        assertEquals(simpleChatBody(true).replace("my-group", UPSTREAM_MODEL), upstream.onlyRequestTo(CHAT_PATH).getBodyAsString());
    }

    @Test
    void endsCleanlyOnDoneWithoutAUsageChunk()
    {
        stubChat(sse("data: " + chunk("{\"content\":\"Hi\"}", "\"stop\"") + "\n\ndata: [DONE]\n\n"));

        try (ChunkStream stream = openStream()) {
            assertTrue(new String(stream.next(), StandardCharsets.UTF_8).contains("\"Hi\""));
            assertNull(stream.next());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
    }

    @Test
    void failsWhenTheStreamEndsBeforeDone()
    {
        stubChat(sse("data: " + chunk("{\"content\":\"Hel\"}", "null") + "\n\ndata: {\"id\":\"chatcmpl-1\",\"obj"));

        try (ChunkStream stream = openStream()) {
            assertTrue(new String(stream.next(), StandardCharsets.UTF_8).contains("\"Hel\""));
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut"), failure.getMessage());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
    }

    @Test
    void failsWhenTheConnectionBreaksMidStream()
    {
        stubChat(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        ProviderException failure = assertThrows(ProviderException.class, () -> {
            try (ChunkStream stream = openStream()) {
                while (stream.next() != null) {
                    // drain until it fails
                }
            }
        });

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
    }

    @Test
    void failsOnAnErrorObjectInTheStreamWithoutShowingTheKey()
    {
        stubChat(sse("data: " + chunk("{\"content\":\"Hi\"}", "null") + "\n\n"
                + "data: {\"error\":{\"message\":\"Rate limit reached for key " + API_KEY + "\",\"type\":\"rate_limit_error\","
                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}\n\n"));

        try (ChunkStream stream = openStream(Map.of("api_key", API_KEY))) {
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
            assertEquals("rate_limit_exceeded", failure.code().orElseThrow());
            assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        }
    }

    // --- usage of every stream (the kernel records spend even when the client did not ask for usage)

    @Test
    void asksForUsageTheClientDidNotAskForAndKeepsTheUsageChunkFromIt()
    {
        String clientBody = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true}";
        List<String> contentChunks = List.of(
                chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"),
                chunk("{\"content\":\"Hi\"}", "null"),
                chunk("{}", "\"stop\""));
        stubChat(sse(events(contentChunks) + "data: " + usageChunk(9, 3, 2) + "\n\ndata: [DONE]\n\n"));

        try (ChunkStream stream = streamOf(adapter(Map.of()).send(TestRequests.chat(clientBody)))) {
            assertEquals(contentChunks, drainText(stream), "the usage-only chunk is not passed on");
            assertEquals(new Usage(9, 3, 12, 2, 0), stream.usage());
        }
        // spliced in as the first member: the rest of the client's bytes are untouched
        assertEquals("{\"stream_options\":{\"include_usage\":true},\"model\":\"" + UPSTREAM_MODEL
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true}",
                upstream.onlyRequestTo(CHAT_PATH).getBodyAsString());
    }

    @Test
    void setsIncludeUsageWhenTheClientSentStreamOptionsWithoutIt()
    {
        String clientBody = "{\"model\":\"my-group\",\"stream\":true,\"stream_options\":{\"include_usage\":false},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";
        List<String> contentChunks = List.of(chunk("{\"content\":\"Hi\"}", "\"stop\""));
        stubChat(sse(events(contentChunks) + "data: " + usageChunk(5, 1, 0) + "\n\ndata: [DONE]\n\n"));

        try (ChunkStream stream = streamOf(adapter(Map.of()).send(TestRequests.chat(clientBody)))) {
            assertEquals(contentChunks, drainText(stream));
            assertEquals(new Usage(5, 1, 6, 0, 0), stream.usage());
        }
        upstream.verify(postRequestedFor(urlEqualTo(CHAT_PATH)).withRequestBody(equalToJson("{\"model\":\"" + UPSTREAM_MODEL + "\","
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}")));
    }

    @Test
    void passesTheUsageChunkOnWhenTheClientAskedForIt()
    {
        String usage = usageChunk(9, 3, 0);
        stubChat(sse("data: " + chunk("{\"content\":\"Hi\"}", "\"stop\"") + "\n\ndata: " + usage + "\n\ndata: [DONE]\n\n"));

        try (ChunkStream stream = openStream()) {
            assertEquals(List.of(chunk("{\"content\":\"Hi\"}", "\"stop\""), usage), drainText(stream));
            assertEquals(new Usage(9, 3, 12, 0, 0), stream.usage());
        }
        assertEquals(simpleChatBody(true).replace("my-group", UPSTREAM_MODEL), upstream.onlyRequestTo(CHAT_PATH).getBodyAsString());
    }

    @Test
    void leavesStreamOptionsAloneForAServerThatRefusesThem()
    {
        String clientBody = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true}";
        stubChat(sse("data: " + chunk("{\"content\":\"Hi\"}", "\"stop\"") + "\n\ndata: [DONE]\n\n"));

        try (ChunkStream stream = streamOf(adapter(Map.of("supports_stream_options", false)).send(TestRequests.chat(clientBody)))) {
            assertEquals(1, drainText(stream).size());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
        assertEquals(clientBody.replace("my-group", UPSTREAM_MODEL), upstream.onlyRequestTo(CHAT_PATH).getBodyAsString());
    }

    @Test
    void keepsAUsageChunkThatAlsoCarriesChoices()
    {
        // some servers put usage on the last content chunk: that chunk is content, so it is passed on
        String last = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}";
        stubChat(sse("data: " + last + "\n\ndata: [DONE]\n\n"));
        String clientBody = "{\"model\":\"my-group\",\"messages\":[],\"stream\":true}";

        try (ChunkStream stream = streamOf(adapter(Map.of()).send(TestRequests.chat(clientBody)))) {
            assertEquals(List.of(last), drainText(stream));
            assertEquals(new Usage(4, 2, 6, 0, 0), stream.usage());
        }
    }

    @Test
    void asksForUsageOnStreamedTextCompletionsToo()
    {
        upstream.stubFor(post(urlEqualTo("/v1/completions")).willReturn(sse("data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\","
                + "\"choices\":[{\"text\":\"hi\",\"index\":0,\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}}\n\ndata: [DONE]\n\n")));

        ProviderResponse response = adapter(Map.of()).send(TestRequests.request(Endpoint.COMPLETIONS,
                "{\"model\":\"my-group\",\"prompt\":\"Say hi\",\"stream\":true}", 2));

        try (ChunkStream stream = streamOf(response)) {
            assertEquals(1, drainText(stream).size());
            assertEquals(new Usage(2, 1, 3, 0, 0), stream.usage());
        }
        assertTrue(upstream.onlyRequestTo("/v1/completions").getBodyAsString().startsWith("{\"stream_options\":{\"include_usage\":true},"));
    }

    @Test
    void neverTouchesANonStreamingBody()
    {
        String clientBody = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":false}";
        stubChat(aResponse().withStatus(200).withBody(chatCompletionBody()));

        adapter(Map.of()).send(TestRequests.chat(clientBody));

        assertEquals(clientBody.replace("my-group", UPSTREAM_MODEL), upstream.onlyRequestTo(CHAT_PATH).getBodyAsString());
    }

    @Test
    void recognisesOnlyNullUsageWithoutParsing()
    {
        assertTrue(OpenAiBodyScanner.onlyNullUsage("{\"choices\":[],\"usage\" :  null}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(OpenAiBodyScanner.onlyNullUsage("{\"choices\":[{\"delta\":{\"content\":\"usage\"}}]}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(OpenAiBodyScanner.onlyNullUsage("{\"usage\":null,\"x\":{\"usage\":{\"prompt_tokens\":1}}}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(OpenAiBodyScanner.onlyNullUsage("{\"usage\":{\"prompt_tokens\":1}}".getBytes(StandardCharsets.UTF_8)));
    }

    // --- configuration

    @Test
    void neverShowsTheKeyInToString()
    {
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));

        assertFalse(adapter.toString().contains(API_KEY), adapter.toString());
    }

    // --- helpers

    private static ProviderAdapter adapter(Map<String, ?> params)
    {
        Map<String, Object> withBase = new HashMap<>(params);
        withBase.put("api_base", upstream.baseUrl() + "/v1/");
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);
        return new OpenAiAdapterFactory().create(TestRequests.deployment("openai", UPSTREAM_MODEL, withBase), context);
    }

    private static ProviderException sendExpectingFailure(Map<String, ?> params)
    {
        ProviderAdapter adapter = adapter(params);
        return assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat(simpleChatBody(false))));
    }

    private static ChunkStream openStream()
    {
        return openStream(Map.of());
    }

    private static ChunkStream openStream(Map<String, ?> params)
    {
        ProviderResponse response = adapter(params).send(TestRequests.chat(simpleChatBody(true)));
        return assertInstanceOf(ProviderResponse.Streaming.class, response).chunks();
    }

    private static void stubChat(ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(CHAT_PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder sse(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private static String simpleChatBody(boolean stream)
    {
        return "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]"
                + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    private static String chatCompletionBody()
    {
        // spacing and key order as an upstream might send them: passed on untouched
        return """
                {
                  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
                  "object": "chat.completion",
                  "created": 1741569952,
                  "model": "gpt-4o-2024-08-06",
                  "choices": [
                    {
                      "index": 0,
                      "message": {"role": "assistant", "content": "Hello! How can I assist you today?", "refusal": null,
                                  "annotations": []},
                      "logprobs": null,
                      "finish_reason": "stop"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 19,
                    "completion_tokens": 10,
                    "total_tokens": 29,
                    "prompt_tokens_details": {"cached_tokens": 4, "audio_tokens": 0},
                    "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
                  },
                  "service_tier": "default",
                  "system_fingerprint": "fp_6ec83003ad"
                }
                """;
    }
}
