package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A WireMock server standing in for api.anthropic.com, and the helpers the anthropic adapter's tests share; the
 * bodies it answers with are {@link AnthropicBodies}.
 */
abstract class AnthropicWireMockTest
{
    static final String API_KEY = "sk-ant-api03-Zq81secretKEY-x9";
    static final String MODEL = "claude-sonnet-4-20250514";
    static final String MESSAGES_PATH = "/v1/messages";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    static ProviderAdapter adapter()
    {
        return adapter(Map.of(), false);
    }

    static ProviderAdapter adapter(Map<String, ?> params, boolean dropParams)
    {
        Map<String, Object> withBase = new HashMap<>(params);
        withBase.putIfAbsent("api_key", API_KEY);
        withBase.put("api_base", upstream.baseUrl());
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), dropParams);
        // no environment: every test says what it configures
        return new AnthropicAdapterFactory(name -> null).create(TestRequests.deployment("anthropic", MODEL, withBase), context);
    }

    static void stubMessages(ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(response));
    }

    static ResponseDefinitionBuilder ok(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder sse(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    static LoggedRequest onlyRequest()
    {
        return upstream.onlyRequestTo(MESSAGES_PATH);
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
