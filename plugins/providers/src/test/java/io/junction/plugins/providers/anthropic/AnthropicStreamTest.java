package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;
import io.junction.plugins.providers.TestRequests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.junction.plugins.providers.ChunkStreams.drainJson;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.event;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.inputJsonDelta;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.messageDelta;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.messageStart;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.textDelta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anthropic adapter's streams: Anthropic's named SSE events as OpenAI chat.completion.chunks. */
class AnthropicStreamTest
        extends AnthropicWireMockTest
{
    private static final String MESSAGE_ID = "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY";
    private static final String STREAM_WITH_USAGE = ",\"stream\":true,\"stream_options\":{\"include_usage\":true}";

    @Test
    void streamsTextAsOpenAiChunksWithTheUsageChunkLast()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":25,\"output_tokens\":1}")
                + event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("{\"type\": \"ping\"}")
                + textDelta(0, "Hello")
                + textDelta(0, " world \"!\"")
                + event("{\"type\":\"content_block_stop\",\"index\":0}")
                + messageDelta("end_turn", "{\"output_tokens\":15}")
                + event("{\"type\":\"message_stop\"}"))
                .withHeader("anthropic-ratelimit-tokens-remaining", "399000"));

        ProviderResponse.Streaming streaming = assertInstanceOf(ProviderResponse.Streaming.class,
                adapter().send(TestRequests.chat(chat(STREAM_WITH_USAGE))));

        assertEquals(Map.of("anthropic-ratelimit-tokens-remaining", "399000", "x-ratelimit-remaining-tokens", "399000"), streaming.headers());
        try (ChunkStream stream = streaming.chunks()) {
            assertEquals(Usage.UNKNOWN, stream.usage());
            assertEquals(List.of(
                    chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                    chunk("{\"content\":\"Hello\"}", null),
                    chunk("{\"content\":\" world \\\"!\\\"\"}", null),
                    chunk("{}", "stop"),
                    usageChunk("{\"prompt_tokens\":25,\"completion_tokens\":15,\"total_tokens\":40,\"prompt_tokens_details\":{\"cached_tokens\":0}}")),
                    drainJson(stream));
            assertEquals(new Usage(25, 15, 40, 0, 0), stream.usage());
            assertNull(stream.next(), "the stream stays ended");
        }
        upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withHeader("x-api-key", equalTo(API_KEY))
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-20250514", "max_tokens": 4096, "stream": true,
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello!"}]}]}""")));
    }

    @Test
    void leavesOutTheUsageChunkUnlessAskedButStillReportsUsage()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL,
                "{\"input_tokens\":10,\"cache_read_input_tokens\":90,\"cache_creation_input_tokens\":5,\"output_tokens\":1}")
                + textDelta(0, "Hi")
                + messageDelta("max_tokens", "{\"output_tokens\":3}")
                + event("{\"type\":\"message_stop\"}")));

        try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true"))) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(chunk("{}", "length"), chunks.getLast());
            assertEquals(3, chunks.size());
            assertEquals(new Usage(105, 3, 108, 90, 5), stream.usage());
        }
    }

    @Test
    void streamsToolCallsNumberedAmongToolBlocksWithTheirArgumentFragments()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":472,\"output_tokens\":2}")
                + event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + textDelta(0, "Okay, let's check.")
                + event("{\"type\":\"content_block_stop\",\"index\":0}")
                + event("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":\"get_weather\",\"input\":{}}}")
                + inputJsonDelta(1, "")
                + inputJsonDelta(1, "{\\\"location\\\":")
                + inputJsonDelta(1, " \\\"San Francisco, CA\\\"}")
                + event("{\"type\":\"content_block_stop\",\"index\":1}")
                + event("{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_02\",\"name\":\"get_time\",\"input\":{}}}")
                + inputJsonDelta(2, "{}")
                + event("{\"type\":\"content_block_stop\",\"index\":2}")
                + messageDelta("tool_use", "{\"output_tokens\":89}")
                + event("{\"type\":\"message_stop\"}")));

        try (ChunkStream stream = openStream(adapter(), chat(STREAM_WITH_USAGE))) {
            assertEquals(List.of(
                    chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                    chunk("{\"content\":\"Okay, let's check.\"}", null),
                    chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"type\":\"function\","
                            + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
                    chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"location\\\":\"}}]}", null),
                    chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\" \\\"San Francisco, CA\\\"}\"}}]}", null),
                    chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"toolu_02\",\"type\":\"function\","
                            + "\"function\":{\"name\":\"get_time\",\"arguments\":\"\"}}]}", null),
                    chunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}", null),
                    chunk("{}", "tool_calls"),
                    usageChunk("{\"prompt_tokens\":472,\"completion_tokens\":89,\"total_tokens\":561,\"prompt_tokens_details\":{\"cached_tokens\":0}}")),
                    drainJson(stream));
        }
    }

    @Test
    void streamsThinkingAsReasoningContentAndIgnoresSignatures()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":12,\"output_tokens\":1}")
                + event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}")
                + event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Let me solve this.\"}}")
                + event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...\"}}")
                + event("{\"type\":\"content_block_stop\",\"index\":0}")
                + event("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + textDelta(1, "27 * 453 = 12231")
                + messageDelta("end_turn", "{\"output_tokens\":40}")
                + event("{\"type\":\"message_stop\"}")));

        try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true,\"reasoning_effort\":\"low\""))) {
            assertEquals(List.of(
                    chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                    chunk("{\"reasoning_content\":\"Let me solve this.\"}", null),
                    chunk("{\"content\":\"27 * 453 = 12231\"}", null),
                    chunk("{}", "stop")),
                    drainJson(stream));
        }
    }

    @Test
    void streamsStructuredOutputAsContent()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":849,\"output_tokens\":10}")
                + event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_01KFbKqPYSuAKujiL6mTfzYA\",\"name\":\"json_tool_call\",\"input\":{}}}")
                + inputJsonDelta(0, "")
                + inputJsonDelta(0, "{\\\"name\\\": \\\"Ada\\\"")
                + inputJsonDelta(0, "}")
                + event("{\"type\":\"content_block_stop\",\"index\":0}")
                + messageDelta("tool_use", "{\"output_tokens\":47}")
                + event("{\"type\":\"message_stop\"}")));

        try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true,\"response_format\":{\"type\":\"json_object\"}"))) {
            assertEquals(List.of(
                    chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                    chunk("{\"content\":\"{\\\"name\\\": \\\"Ada\\\"\"}", null),
                    chunk("{\"content\":\"}\"}", null),
                    chunk("{}", "stop")),
                    drainJson(stream));
        }
    }

    @Test
    void failsWhenTheStreamIsCutBeforeMessageStop()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":25,\"output_tokens\":1}")
                + textDelta(0, "Hel")
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"ind"));

        try (ChunkStream stream = openStream(adapter(), chat(STREAM_WITH_USAGE))) {
            stream.next();
            assertEquals("Hel", tree(stream.next()).path("choices").get(0).path("delta").path("content").asText());
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut"), failure.getMessage());
            assertEquals(Usage.UNKNOWN, stream.usage());
        }
    }

    @Test
    void failsWhenTheStreamIsCutAfterTheFinishButBeforeMessageStop()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":25,\"output_tokens\":1}")
                + textDelta(0, "Hi")
                + messageDelta("end_turn", "{\"output_tokens\":2}")));

        try (ChunkStream stream = openStream(adapter(), chat(STREAM_WITH_USAGE))) {
            assertThrows(ProviderException.class, () -> drainJson(stream));
        }
    }

    @Test
    void failsWhenTheConnectionBreaksMidStream()
    {
        stubMessages(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        ProviderException failure = assertThrows(ProviderException.class, () -> {
            try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true"))) {
                drainJson(stream);
            }
        });

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
    }

    @Test
    void failsOnAnOverloadedErrorEventAsUnavailable()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":25,\"output_tokens\":1}")
                + textDelta(0, "Hi")
                + event("{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}")));

        try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true"))) {
            stream.next();
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertEquals("overloaded_error", failure.code().orElseThrow());
            assertTrue(failure.getMessage().contains("Overloaded"), failure.getMessage());
        }
    }

    @Test
    void failsOnARateLimitErrorEventWithoutShowingTheKey()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":25,\"output_tokens\":1}")
                + event("{\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\", \"message\": \"Number of request tokens has exceeded "
                        + "your per-minute rate limit for key " + API_KEY + "\"}}")));

        try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true"))) {
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
            assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        }
    }

    @Test
    void readsAnApiErrorEventAsAServerErrorWhateverItsWording()
    {
        stubMessages(sse(messageStart(MESSAGE_ID, MODEL, "{\"input_tokens\":25,\"output_tokens\":1}")
                + event("{\"type\": \"error\", \"error\": {\"type\": \"api_error\", \"message\": \"Failed to generate a separate answer\"}}")));

        try (ChunkStream stream = openStream(adapter(), chat(",\"stream\":true"))) {
            stream.next();
            assertEquals(ErrorKind.UPSTREAM_SERVER, assertThrows(ProviderException.class, stream::next).kind());
        }
    }

    @Test
    void mapsAnErrorStatusOnAStreamingRequest()
    {
        stubMessages(aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        ProviderException failure = failure(adapter(), chat(",\"stream\":true"));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertEquals(529, failure.upstreamStatus());
    }

    // --- helpers

    private static JsonNode chunk(String delta, String finishReason)
    {
        return tree("{\"id\":\"" + MESSAGE_ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + NOW.getEpochSecond()
                + ",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}");
    }

    private static JsonNode usageChunk(String usage)
    {
        return tree("{\"id\":\"" + MESSAGE_ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + NOW.getEpochSecond()
                + ",\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":" + usage + "}");
    }
}
