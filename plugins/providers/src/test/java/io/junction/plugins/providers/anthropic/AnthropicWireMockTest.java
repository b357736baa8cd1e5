package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import io.junction.tck.http.JdkUpstreamClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A WireMock server standing in for api.anthropic.com, and the helpers the anthropic adapter's tests share. Bodies
 * are shaped as Anthropic's API reference shows them (https://docs.anthropic.com/en/api/messages).
 */
abstract class AnthropicWireMockTest
{
    static final String API_KEY = "sk-ant-api03-Zq81secretKEY-x9";
    static final String MODEL = "claude-sonnet-4-20250514";
    static final String MESSAGES_PATH = "/v1/messages";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer server;
    static JdkUpstreamClient upstream;

    @BeforeAll
    static void startServer()
    {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        upstream = new JdkUpstreamClient();
    }

    @AfterAll
    static void stopServer()
    {
        upstream.close();
        server.stop();
    }

    @BeforeEach
    void resetServer()
    {
        server.resetAll();
    }

    static ProviderAdapter adapter()
    {
        return adapter(Map.of(), false);
    }

    static ProviderAdapter adapter(Map<String, ?> params, boolean dropParams)
    {
        Map<String, Object> withBase = new HashMap<>(params);
        withBase.putIfAbsent("api_key", API_KEY);
        withBase.put("api_base", server.baseUrl());
        ProviderContext context = new ProviderContext(upstream, InstantSource.fixed(NOW), dropParams);
        // no environment: every test says what it configures
        return new AnthropicAdapterFactory(name -> null).create(TestRequests.deployment("anthropic", MODEL, withBase), context);
    }

    static void stubMessages(ResponseDefinitionBuilder response)
    {
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(response));
    }

    static ResponseDefinitionBuilder ok(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder sse(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /** A server-sent event as Anthropic writes it: a named event whose data repeats the name as {@code type}. */
    static String event(String json)
    {
        try {
            return "event: " + JSON.readTree(json).path("type").asText() + "\ndata: " + json + "\n\n";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain Anthropic text message. */
    static String textMessage(String text, String stopReason)
    {
        return """
                {
                  "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
                  "type": "message",
                  "role": "assistant",
                  "model": "claude-sonnet-4-20250514",
                  "content": [{"type": "text", "text": "%s"}],
                  "stop_reason": "%s",
                  "stop_sequence": null,
                  "usage": {"input_tokens": 2095, "output_tokens": 503, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
                }
                """.formatted(text, stopReason);
    }

    static LoggedRequest onlyRequest()
    {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH)));
        assertEquals(1, requests.size(), "requests to " + MESSAGES_PATH);
        return requests.getFirst();
    }

    static ProviderResponse.Complete complete(ProviderAdapter adapter, String body)
    {
        return assertInstanceOf(ProviderResponse.Complete.class, adapter.send(TestRequests.chat(body)));
    }

    static ProviderException failure(ProviderAdapter adapter, String body)
    {
        return assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat(body)));
    }

    static ChunkStream openStream(ProviderAdapter adapter, String body)
    {
        return assertInstanceOf(ProviderResponse.Streaming.class, adapter.send(TestRequests.chat(body))).chunks();
    }

    /** Reads every chunk until the stream ends, each parsed. */
    static List<JsonNode> drain(ChunkStream stream)
    {
        List<JsonNode> chunks = new ArrayList<>();
        for (byte[] chunk = stream.next(); chunk != null; chunk = stream.next()) {
            chunks.add(tree(chunk));
        }
        return chunks;
    }

    static JsonNode tree(byte[] json)
    {
        return tree(new String(json, StandardCharsets.UTF_8));
    }

    static JsonNode tree(String json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chat(String extraFields)
    {
        return "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]" + extraFields + "}";
    }
}
