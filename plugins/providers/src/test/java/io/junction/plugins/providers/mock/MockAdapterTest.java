package io.junction.plugins.providers.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.junction.plugins.providers.TestRequests;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.junction.plugins.providers.ChunkStreams.drainJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MockAdapterTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String CONTENT = "It's simple to use and easy to get started";
    private static final String CHAT = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Why is LiteLLM amazing?\"}]}";

    private final List<Duration> sleeps = new ArrayList<>();

    // --- chat

    @Test
    void answersAChatCompletionWithTheMockResponse()
    {
        ProviderResponse.Complete response = complete(adapter(Map.of("mock_response", CONTENT)), TestRequests.chat(CHAT));

        JsonNode body = json(response.body());
        assertEquals("chatcmpl-fixed1", body.get("id").asText());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals(NOW.getEpochSecond(), body.get("created").asLong());
        assertEquals("my-group", body.get("model").asText());
        JsonNode choice = body.get("choices").get(0);
        assertEquals("assistant", choice.at("/message/role").asText());
        assertEquals(CONTENT, choice.at("/message/content").asText());
        assertEquals("stop", choice.get("finish_reason").asText());
        assertEquals(12, body.at("/usage/prompt_tokens").asInt());
        assertEquals(9, body.at("/usage/completion_tokens").asInt());
        assertEquals(21, body.at("/usage/total_tokens").asInt());
        assertEquals(Usage.of(12, 9), response.usage());
    }

    @Test
    void hasADefaultResponseAndWorksThroughItsFactory()
    {
        ProviderAdapter adapter = new MockAdapterFactory().create(TestRequests.deployment("mock", "anything", Map.of()),
                new ProviderContext(new NoNetwork(), InstantSource.fixed(NOW), false));

        JsonNode body = json(complete(adapter, TestRequests.chat(CHAT)).body());

        assertEquals(MockSettings.DEFAULT_RESPONSE, body.at("/choices/0/message/content").asText());
        assertTrue(body.get("id").asText().matches("chatcmpl-[0-9a-f]{32}"), body.get("id").asText());
    }

    @Test
    void streamsOneChunkPerWordThenTheFinishReason()
    {
        ProviderResponse.Streaming response = streaming(adapter(Map.of("mock_response", CONTENT)), TestRequests.chat(streamingChat(false)));

        List<JsonNode> chunks = drainJson(response.chunks());

        JsonNode first = chunks.getFirst();
        assertEquals("chat.completion.chunk", first.get("object").asText());
        assertEquals("assistant", first.at("/choices/0/delta/role").asText());
        List<String> words = chunks.subList(1, chunks.size() - 1).stream().map(chunk -> chunk.at("/choices/0/delta/content").asText()).toList();
        assertEquals(List.of("It's", " simple", " to", " use", " and", " easy", " to", " get", " started"), words);
        JsonNode last = chunks.getLast();
        assertEquals("stop", last.at("/choices/0/finish_reason").asText());
        assertTrue(last.at("/choices/0/delta").isEmpty(), "the last delta is empty");
        chunks.forEach(chunk -> assertEquals("chatcmpl-fixed1", chunk.get("id").asText()));
        chunks.forEach(chunk -> assertTrue(!chunk.has("usage"), "no usage field without include_usage"));
        assertEquals(Usage.of(12, 9), response.chunks().usage());
    }

    @Test
    void endsWithAUsageChunkWhenTheRequestAsks()
    {
        ProviderResponse.Streaming response = streaming(adapter(Map.of("mock_response", CONTENT)), TestRequests.chat(streamingChat(true)));
        ChunkStream stream = response.chunks();
        assertEquals(Usage.UNKNOWN, stream.usage());

        List<JsonNode> chunks = drainJson(stream);

        JsonNode usageChunk = chunks.getLast();
        assertTrue(usageChunk.get("choices").isArray() && usageChunk.get("choices").isEmpty());
        assertEquals(12, usageChunk.at("/usage/prompt_tokens").asInt());
        assertEquals(9, usageChunk.at("/usage/completion_tokens").asInt());
        assertEquals("stop", chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText());
        chunks.subList(0, chunks.size() - 1).forEach(chunk -> assertTrue(chunk.get("usage").isNull()));
        assertEquals(Usage.of(12, 9), stream.usage());
        assertNull(stream.next());
    }

    @Test
    void waitsOutTheDelayBeforeAnswering()
    {
        complete(adapter(Map.of("mock_delay", 0.25)), TestRequests.chat(CHAT));
        ProviderResponse.Streaming response = streaming(adapter(Map.of("mock_delay", "2")), TestRequests.chat(streamingChat(false)));
        drainJson(response.chunks());

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofSeconds(2)), sleeps);
    }

    // --- completions

    @Test
    void answersATextCompletion()
    {
        ProviderRequest request = TestRequests.request(Endpoint.COMPLETIONS, "{\"model\":\"my-group\",\"prompt\":\"Say this is a test\"}", 5);

        ProviderResponse.Complete response = complete(adapter(Map.of("mock_response", "This is a test.")), request);

        JsonNode body = json(response.body());
        assertEquals("text_completion", body.get("object").asText());
        assertEquals("cmpl-fixed1", body.get("id").asText());
        assertEquals("This is a test.", body.at("/choices/0/text").asText());
        assertEquals("stop", body.at("/choices/0/finish_reason").asText());
        assertEquals(Usage.of(5, 4), response.usage());
    }

    @Test
    void streamsATextCompletion()
    {
        ProviderRequest request = TestRequests.request(Endpoint.COMPLETIONS, "{\"model\":\"my-group\",\"prompt\":\"Hi\",\"stream\":true}", 5);

        List<JsonNode> chunks = drainJson(streaming(adapter(Map.of("mock_response", "one two")), request).chunks());

        assertEquals(List.of("one", " two", ""), chunks.stream().map(chunk -> chunk.at("/choices/0/text").asText()).toList());
        assertEquals("stop", chunks.getLast().at("/choices/0/finish_reason").asText());
    }

    // --- embeddings

    @Test
    void embedsEachInputAsADeterministicUnitVector()
    {
        ProviderAdapter adapter = adapter(Map.of());
        ProviderRequest request = embeddingsRequest("\"input\":[\"The food was delicious\",\"The waiter was rude\"]");

        ProviderResponse.Complete first = complete(adapter, request);
        ProviderResponse.Complete second = complete(adapter, embeddingsRequest("\"input\":\"The food was delicious\""));

        JsonNode data = json(first.body()).get("data");
        assertEquals(2, data.size());
        assertEquals(1, data.get(1).get("index").asInt());
        float[] food = floats(data.get(0).get("embedding"));
        float[] waiter = floats(data.get(1).get("embedding"));
        assertEquals(1536, food.length);
        assertEquals(1.0, norm(food), 1e-5);
        assertEquals(1.0, norm(waiter), 1e-5);
        assertNotEquals(toList(food), toList(waiter));
        assertEquals(toList(food), toList(floats(json(second.body()).at("/data/0/embedding"))));
        assertEquals("list", json(first.body()).get("object").asText());
        assertEquals(7, json(first.body()).at("/usage/prompt_tokens").asInt());
        assertEquals(new Usage(7, 0, 7, 0, 0), first.usage());
    }

    @Test
    void takesTheDimensionFromTheRequestThenTheConfiguration()
    {
        assertEquals(256, json(complete(adapter(Map.of("mock_embedding_dimensions", 64)),
                embeddingsRequest("\"input\":\"x\",\"dimensions\":256")).body()).at("/data/0/embedding").size());
        assertEquals(64, json(complete(adapter(Map.of("mock_embedding_dimensions", 64)),
                embeddingsRequest("\"input\":\"x\"")).body()).at("/data/0/embedding").size());
    }

    @Test
    void encodesVectorsAsBase64WhenAsked()
    {
        ProviderAdapter adapter = adapter(Map.of());
        float[] asFloats = floats(json(complete(adapter, embeddingsRequest("\"input\":\"hello\",\"dimensions\":8")).body()).at("/data/0/embedding"));

        String base64 = json(complete(adapter, embeddingsRequest("\"input\":\"hello\",\"dimensions\":8,\"encoding_format\":\"base64\"")).body())
                .at("/data/0/embedding").asText();

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] decoded = new float[8];
        bytes.asFloatBuffer().get(decoded);
        assertEquals(toList(asFloats), toList(decoded));
    }

    // --- errors on purpose

    @ParameterizedTest
    @CsvSource({
            "litellm.RateLimitError, RATE_LIMITED",
            "litellm.ContextWindowExceededError, CONTEXT_WINDOW_EXCEEDED",
            "litellm.ContentPolicyViolationError, CONTENT_POLICY",
            "litellm.Timeout, TIMEOUT",
            "litellm.InternalServerError, UPSTREAM_SERVER",
            "litellm.AuthenticationError, AUTHENTICATION",
    })
    void failsWithTheErrorMockResponseNames(String name, ErrorKind kind)
    {
        ProviderAdapter adapter = adapter(Map.of("mock_response", name));

        ProviderException chat = assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat(CHAT)));
        ProviderException stream = assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat(streamingChat(false))));

        assertEquals(kind, chat.kind());
        assertEquals(kind, stream.kind());
        assertTrue(chat.getMessage().startsWith(name), chat.getMessage());
    }

    // --- invalid input

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"my-group\",\"messages\":[",
            "[1, 2]",
            "{\"model\":\"my-group\"}",
            "{\"model\":\"my-group\",\"messages\":[]}",
            "{\"model\":\"my-group\",\"messages\":\"hi\"}",
    })
    void refusesAnInvalidChatRequest(String body)
    {
        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter(Map.of()).send(TestRequests.request(Endpoint.CHAT_COMPLETIONS, body, 1)));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"input\":[[1212, 318]]",
            "\"input\":[1212, 318]",
            "\"input\":[]",
            "\"input\":\"\"",
            "\"dimensions\":3",
            "\"input\":\"x\",\"dimensions\":0",
            "\"input\":\"x\",\"dimensions\":1.5",
            "\"input\":\"x\",\"encoding_format\":\"int8\"",
    })
    void refusesInvalidEmbeddingInput(String fields)
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(Map.of()).send(embeddingsRequest(fields)));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
    }

    @Test
    void explainsWhyTokenArraysAreRefused()
    {
        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter(Map.of()).send(embeddingsRequest("\"input\":[[1212, 318]]")));

        assertTrue(failure.getMessage().contains("token arrays"), failure.getMessage());
    }

    @Test
    void refusesConfigurationThatCannotWork()
    {
        ConfigException dimensions = assertThrows(ConfigException.class, () -> adapter(Map.of("mock_embedding_dimensions", 0)));
        ConfigException delay = assertThrows(ConfigException.class, () -> adapter(Map.of("mock_delay", "-1")));

        assertEquals("model_list[0].litellm_params.mock_embedding_dimensions", dimensions.key());
        assertEquals("model_list[0].litellm_params.mock_delay", delay.key());
    }

    // --- helpers

    private MockAdapter adapter(Map<String, ?> params)
    {
        return new MockAdapter(MockSettings.from(new ConfigView("model_list[0].litellm_params", params)),
                InstantSource.fixed(NOW), sleeps::add, () -> "fixed1");
    }

    private static ProviderResponse.Complete complete(ProviderAdapter adapter, ProviderRequest request)
    {
        return assertInstanceOf(ProviderResponse.Complete.class, adapter.send(request));
    }

    private static ProviderResponse.Streaming streaming(ProviderAdapter adapter, ProviderRequest request)
    {
        return assertInstanceOf(ProviderResponse.Streaming.class, adapter.send(request));
    }

    private static ProviderRequest embeddingsRequest(String fields)
    {
        return TestRequests.request(Endpoint.EMBEDDINGS, "{\"model\":\"my-group\"," + fields + "}", 7);
    }

    private static String streamingChat(boolean includeUsage)
    {
        return CHAT.substring(0, CHAT.length() - 1) + ",\"stream\":true"
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    private static JsonNode json(byte[] bytes)
    {
        try {
            return MAPPER.readTree(bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] floats(JsonNode array)
    {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    private static List<Float> toList(float[] values)
    {
        List<Float> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(value);
        }
        return list;
    }

    private static double norm(float[] vector)
    {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    /** The mock must never touch the network. */
    private static final class NoNetwork
            implements UpstreamClient
    {
        @Override
        public UpstreamResponse send(UpstreamRequest request)
        {
            throw new AssertionError("the mock called the network: " + request);
        }

        @Override
        public UpstreamStream open(UpstreamRequest request)
        {
            throw new AssertionError("the mock called the network: " + request);
        }
    }
}
