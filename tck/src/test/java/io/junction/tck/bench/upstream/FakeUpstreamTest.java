package io.junction.tck.bench.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeUpstreamTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"any\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM = "{\"model\":\"any\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM_WITH_USAGE = "{\"model\":\"any\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T12:00:45.500Z"));
    private final InstantSource clock = () -> now.get();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeUpstream upstream;

    @AfterEach
    void stop()
    {
        if (upstream != null) {
            upstream.close();
        }
        http.close();
    }

    @Test
    void answersAChatCompletionShapedLikeOpenAis()
            throws Exception
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withContentChars(40));
        HttpResponse<String> response = post("/v1/chat/completions", CHAT);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("chat.completion", body.path("object").asText());
        assertEquals("chatcmpl-fakeupstream0001", body.path("id").asText());
        assertEquals("assistant", body.at("/choices/0/message/role").asText());
        assertEquals(40, body.at("/choices/0/message/content").asText().length());
        assertEquals("stop", body.at("/choices/0/finish_reason").asText());
        JsonNode usage = body.path("usage");
        assertEquals(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt(), usage.path("total_tokens").asInt());
        assertEquals(1, upstream.stats().requests());
        assertEquals(1, upstream.stats().deployments().get("default").served());
    }

    @Test
    void streamsChunksShapedLikeOpenAisThenDone()
            throws Exception
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withStream(3, Duration.ofMillis(1)));
        HttpResponse<String> response = post("/chat/completions", STREAM);

        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("content-type").orElseThrow());
        List<String> events = events(response.body());
        assertEquals("[DONE]", events.getLast());
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(event));
        }
        // the role, three content chunks, the finish
        assertEquals(5, chunks.size());
        for (JsonNode chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            assertEquals("chatcmpl-fakeupstream0001", chunk.path("id").asText());
            assertFalse(chunk.has("usage"), "no usage without stream_options.include_usage");
        }
        assertEquals("assistant", chunks.getFirst().at("/choices/0/delta/role").asText());
        assertEquals("Hello there, this ", chunks.subList(1, 4).stream().map(chunk -> chunk.at("/choices/0/delta/content").asText())
                .reduce("", String::concat));
        assertTrue(chunks.get(2).at("/choices/0/finish_reason").isNull());
        assertEquals("stop", chunks.getLast().at("/choices/0/finish_reason").asText());
        assertEquals(0, chunks.getLast().at("/choices/0/delta").size());
        assertEquals(1, upstream.stats().streamRequests());
    }

    @Test
    void withIncludeUsageEveryChunkHasNullUsageAndALastChunkCarriesIt()
            throws Exception
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withStream(2, Duration.ZERO));
        List<String> events = events(post("/v1/chat/completions", STREAM_WITH_USAGE).body());

        assertEquals("[DONE]", events.getLast());
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(event));
        }
        for (JsonNode chunk : chunks.subList(0, chunks.size() - 1)) {
            assertTrue(chunk.path("usage").isNull(), chunk.toString());
        }
        JsonNode last = chunks.getLast();
        assertEquals(0, last.path("choices").size());
        assertEquals(2, last.at("/usage/completion_tokens").asInt());
    }

    @Test
    void aDeploymentPastItsRpmQuotaGets429WithRetryAfterUntilTheNextMinute()
            throws Exception
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withRpmQuotas(Map.of("quota-a", 2)));
        assertEquals(200, post("/d/quota-a/v1/chat/completions", CHAT).statusCode());
        HttpResponse<String> second = post("/d/quota-a/v1/chat/completions", CHAT);
        assertEquals(200, second.statusCode());
        assertEquals("0", second.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());

        HttpResponse<String> refused = post("/d/quota-a/v1/chat/completions", CHAT);
        assertEquals(429, refused.statusCode());
        // 12:00:45.5 -> the quota refills at 12:01:00, 14.5 s later
        assertEquals("15", refused.headers().firstValue("retry-after").orElseThrow());
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertEquals("rate_limit_exceeded", error.path("code").asText());
        assertEquals("requests", error.path("type").asText());
        assertTrue(error.path("param").isNull());
        // another deployment, or no quota: unaffected
        assertEquals(200, post("/d/quota-b/v1/chat/completions", CHAT).statusCode());
        assertEquals(200, post("/v1/chat/completions", CHAT).statusCode());

        now.set(Instant.parse("2025-06-01T12:01:00.001Z"));
        assertEquals(200, post("/d/quota-a/v1/chat/completions", CHAT).statusCode());
        UpstreamStats.DeploymentStats stats = upstream.stats().deployments().get("quota-a");
        assertEquals(4, stats.requests());
        assertEquals(3, stats.served());
        assertEquals(1, stats.rateLimited());
    }

    @Test
    void injectsServerErrors()
            throws Exception
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withFaults(new FakeUpstreamSettings.Faults(1, 0, 0, Duration.ofSeconds(10))));
        HttpResponse<String> response = post("/v1/chat/completions", CHAT);
        assertEquals(500, response.statusCode());
        assertEquals("server_error", JSON.readTree(response.body()).at("/error/type").asText());
        assertEquals(1, upstream.stats().deployments().get("default").serverErrors());
    }

    @Test
    void injectedCutsEndAStreamWithoutDone()
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withStream(6, Duration.ZERO).withFaults(new FakeUpstreamSettings.Faults(0, 0, 1, Duration.ofSeconds(10))));
        String received;
        try {
            received = post("/v1/chat/completions", STREAM).body();
        }
        catch (IOException | InterruptedException e) {
            // the connection dropped mid-body: also a cut
            received = "";
        }
        assertFalse(received.contains("[DONE]"), received);
        assertEquals(1, upstream.stats().deployments().get("default").cuts());
        assertEquals(0, upstream.stats().deployments().get("default").served());
    }

    @Test
    void injectedStallsHoldTheAnswer()
    {
        upstream = start(FakeUpstreamSettings.DEFAULT.withFaults(new FakeUpstreamSettings.Faults(0, 1, 0, Duration.ofMinutes(5))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUri() + "/v1/chat/completions"))
                .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString(CHAT)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, upstream.stats().deployments().get("default").stalls());
    }

    @Test
    void faultsAreDrawnWithTheirProbabilities()
    {
        FakeUpstreamSettings.Faults faults = new FakeUpstreamSettings.Faults(0.1, 0.2, 0.3, Duration.ofSeconds(1));
        Random random = new Random(7);
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        for (int i = 0; i < 100_000; i++) {
            counts.merge(Fault.pick(faults, random), 1, Integer::sum);
        }
        assertEquals(10_000, counts.get(Fault.SERVER_ERROR), 600);
        assertEquals(20_000, counts.get(Fault.STALL), 800);
        assertEquals(30_000, counts.get(Fault.CUT), 900);
        assertEquals(40_000, counts.get(Fault.NONE), 1000);
        assertEquals(Fault.NONE, Fault.pick(FakeUpstreamSettings.Faults.NONE, random));
        assertThrows(IllegalArgumentException.class, () -> new FakeUpstreamSettings.Faults(0.5, 0.5, 0.5, Duration.ZERO));
    }

    @Test
    void statsAndHealthAreServed()
            throws Exception
    {
        upstream = start(FakeUpstreamSettings.DEFAULT);
        post("/d/x/v1/chat/completions", CHAT);
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUri() + "/stats")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(1, JSON.readTree(stats.body()).at("/deployments/x/served").asInt());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(upstream.baseUri() + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        upstream.resetStats();
        assertEquals(0, upstream.stats().requests());
        assertEquals(URI.create(upstream.baseUri() + "/d/quota-a/v1"), upstream.openAiBase("quota-a"));
    }

    private FakeUpstream start(FakeUpstreamSettings settings)
    {
        return FakeUpstream.start("127.0.0.1", 0, settings, clock, new Random(42));
    }

    private HttpResponse<String> post(String path, String body)
            throws IOException, InterruptedException
    {
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUri() + path)).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The data of each SSE event, in order. */
    private static List<String> events(String sse)
    {
        List<String> events = new ArrayList<>();
        for (String block : sse.split("\n\n")) {
            if (block.startsWith("data: ")) {
                events.add(block.substring("data: ".length()));
            }
        }
        return events;
    }
}
