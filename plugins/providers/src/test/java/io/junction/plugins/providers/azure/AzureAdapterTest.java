package io.junction.plugins.providers.azure;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.ProvidersPlugin;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.junction.plugins.providers.ChunkStreams.drainText;
import static io.junction.plugins.providers.openai.OpenAiBodies.events;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The azure adapter against a WireMock server answering with the shapes of Azure OpenAI's REST reference. */
class AzureAdapterTest
{
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final String AD_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-token";
    private static final String DEPLOYMENT = "gpt-4o-prod";
    private static final String VERSION = "2024-10-21";
    private static final String CHAT_URL = "/openai/deployments/" + DEPLOYMENT + "/chat/completions?api-version=" + VERSION;
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    // --- the request sent upstream

    @Test
    void sendsTheClientBodyToTheDeploymentUrlWithTheApiKeyHeader()
    {
        String clientBody = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hello!\"}],\"temperature\":0.2,\"max_tokens\":50}";
        String answer = chatCompletion("stop");
        stubChat(aResponse().withStatus(200).withBody(answer));

        ProviderResponse response = adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(clientBody));

        LoggedRequest sent = upstream.onlyRequestTo(CHAT_URL);
        assertEquals(API_KEY, sent.getHeader("api-key"));
        assertFalse(sent.containsHeader("Authorization"));
        assertEquals(clientBody.replace("my-group", DEPLOYMENT), sent.getBodyAsString(), "passed through byte for byte");
        ProviderResponse.Complete complete = assertInstanceOf(ProviderResponse.Complete.class, response);
        assertArrayEquals(answer.getBytes(StandardCharsets.UTF_8), complete.body());
        assertEquals(new Usage(13, 7, 20, 0, 0), complete.usage());
    }

    @Test
    void authenticatesWithAnEntraIdTokenAsABearer()
    {
        stubChat(aResponse().withStatus(200).withBody(chatCompletion("stop")));

        adapter(Map.of("azure_ad_token", AD_TOKEN)).send(TestRequests.chat(simpleChatBody(false)));

        LoggedRequest sent = upstream.onlyRequestTo(CHAT_URL);
        assertEquals("Bearer " + AD_TOKEN, sent.getHeader("Authorization"));
        assertFalse(sent.containsHeader("api-key"));
    }

    @Test
    void fallsBackToLiteLlmsEnvironmentVariables()
    {
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(chatCompletion("stop"))));
        Map<String, String> environment = Map.of("AZURE_API_BASE", upstream.baseUrl() + "/", "AZURE_API_VERSION", "2024-06-01",
                "AZURE_API_KEY", API_KEY);

        create(new AzureAdapterFactory(environment::get), new HashMap<>()).send(TestRequests.chat(simpleChatBody(false)));

        LoggedRequest sent = upstream.onlyRequestTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions?api-version=2024-06-01");
        assertEquals(API_KEY, sent.getHeader("api-key"));
    }

    @Test
    void usesLiteLlmsDefaultApiVersionWhenNoneIsSet()
    {
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(chatCompletion("stop"))));
        Map<String, Object> params = new HashMap<>(Map.of("api_key", API_KEY, "api_base", upstream.baseUrl()));

        create(new AzureAdapterFactory(name -> null), params).send(TestRequests.chat(simpleChatBody(false)));

        upstream.verify(postRequestedFor(urlPathEqualTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions"))
                .withQueryParam("api-version", equalTo(AzureSettings.DEFAULT_API_VERSION)));
    }

    @Test
    void servesEmbeddingsAndCompletionsOnTheDeploymentsOwnPaths()
    {
        String embeddings = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.0023,-0.0093]}],"
                + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}";
        upstream.stubFor(post(urlEqualTo("/openai/deployments/" + DEPLOYMENT + "/embeddings?api-version=" + VERSION))
                .willReturn(aResponse().withStatus(200).withBody(embeddings)));
        upstream.stubFor(post(urlEqualTo("/openai/deployments/" + DEPLOYMENT + "/completions?api-version=" + VERSION))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}")));
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));

        ProviderResponse.Complete embedded = (ProviderResponse.Complete) adapter.send(TestRequests.request(Endpoint.EMBEDDINGS,
                "{\"model\":\"my-group\",\"input\":\"hello\"}", 1));
        ProviderResponse.Complete completed = (ProviderResponse.Complete) adapter.send(TestRequests.request(Endpoint.COMPLETIONS,
                "{\"model\":\"my-group\",\"prompt\":\"Say hi\"}", 2));

        assertEquals(new Usage(5, 0, 5, 0, 0), embedded.usage());
        assertEquals(new Usage(4, 2, 6, 0, 0), completed.usage());
    }

    // --- configuration

    @Test
    void requiresAnApiBase()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> new AzureAdapterFactory(name -> null).create(TestRequests.deployment("azure", DEPLOYMENT, Map.of("api_key", API_KEY)),
                        context()));

        assertEquals("model_list[0].litellm_params.api_base", failure.key());
        assertTrue(failure.getMessage().contains("https://my-resource.openai.azure.com"), failure.getMessage());
    }

    @Test
    void requiresAKeyOrAToken()
    {
        ConfigException failure = assertThrows(ConfigException.class, () -> adapter(new AzureAdapterFactory(name -> null), Map.of()));

        assertEquals("model_list[0].litellm_params.api_key", failure.key());
        assertTrue(failure.getMessage().contains("azure_ad_token"), failure.getMessage());
    }

    @Test
    void namesBothCredentialsAsSecretsAndNeverShowsThem()
    {
        AzureAdapterFactory factory = new AzureAdapterFactory(name -> null);
        ProviderAdapter adapter = adapter(Map.of("api_key", API_KEY));

        assertEquals(Set.of("api_key", "azure_ad_token"), factory.secretKeys());
        assertEquals(Set.of("azure"), factory.modelPrefixes());
        assertFalse(adapter.toString().contains(API_KEY), adapter.toString());
    }

    @Test
    void isRegisteredInThePlugin()
    {
        assertTrue(new ProvidersPlugin().providerAdapterFactories().stream().anyMatch(AzureAdapterFactory.class::isInstance));
    }

    // --- errors

    @Test
    void mapsTheContentFilterToContentPolicyNamingTheCategories()
    {
        stubChat(aResponse().withStatus(400).withBody("""
                {
                  "error": {
                    "message": "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. \
                Please modify your prompt and retry.",
                    "type": null,
                    "param": "prompt",
                    "code": "content_filter",
                    "status": 400,
                    "innererror": {
                      "code": "ResponsibleAIPolicyViolation",
                      "content_filter_result": {
                        "hate": {"filtered": true, "severity": "medium"},
                        "jailbreak": {"filtered": false, "detected": false},
                        "self_harm": {"filtered": false, "severity": "safe"},
                        "sexual": {"filtered": false, "severity": "safe"},
                        "violence": {"filtered": true, "severity": "high"}
                      }
                    }
                  }
                }
                """));

        ProviderException failure = sendExpectingFailure(Map.of("api_key", API_KEY));

        assertEquals(ErrorKind.CONTENT_POLICY, failure.kind());
        assertEquals(400, failure.upstreamStatus());
        assertEquals("content_filter", failure.code().orElseThrow());
        assertTrue(failure.getMessage().contains("content management policy"), failure.getMessage());
        assertTrue(failure.getMessage().contains("blocked by the content filter: hate (medium), violence (high)"), failure.getMessage());
    }

    @Test
    void carriesTheWaitAndTheRateLimitFiguresOfA429()
    {
        stubChat(aResponse().withStatus(429)
                .withHeader("retry-after", "6")
                .withHeader("retry-after-ms", "5800")
                .withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("x-ratelimit-remaining-tokens", "1200")
                .withBody("{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation under Azure OpenAI API "
                        + "version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds.\"}}"));

        ProviderException failure = sendExpectingFailure(Map.of("api_key", API_KEY));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertEquals(Duration.ofMillis(5800), failure.retryAfter().orElseThrow());
        assertEquals(Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-remaining-tokens", "1200"), failure.headers());
        assertTrue(failure.getMessage().contains("exceeded token rate limit"), failure.getMessage());
    }

    @Test
    void neverShowsTheKeyOrTokenEvenWhenAzureEchoesThem()
    {
        stubChat(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key "
                + API_KEY + " or wrong API endpoint. Make sure to provide a valid key for an active subscription.\"}}"));
        ProviderException keyFailure = sendExpectingFailure(Map.of("api_key", API_KEY));

        upstream.resetAll();
        stubChat(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The token "
                + AD_TOKEN + " is expired.\"}}"));
        ProviderException tokenFailure = sendExpectingFailure(Map.of("azure_ad_token", AD_TOKEN));

        assertEquals(ErrorKind.AUTHENTICATION, keyFailure.kind());
        assertFalse(keyFailure.getMessage().contains(API_KEY), keyFailure.getMessage());
        assertTrue(keyFailure.getMessage().contains("invalid subscription key ****"), keyFailure.getMessage());
        assertFalse(tokenFailure.getMessage().contains(AD_TOKEN), tokenFailure.getMessage());
    }

    @Test
    void mapsAMissingDeploymentToNotFound()
    {
        stubChat(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this "
                + "resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.\"}}"));

        ProviderException failure = sendExpectingFailure(Map.of("api_key", API_KEY));

        assertEquals(ErrorKind.NOT_FOUND, failure.kind());
        assertEquals("DeploymentNotFound", failure.code().orElseThrow());
    }

    @Test
    void mapsContextLengthExceeded()
    {
        stubChat(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. However, "
                + "your messages resulted in 130000 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, sendExpectingFailure(Map.of("api_key", API_KEY)).kind());
    }

    // --- answers and streams

    @Test
    void passesAContentFilterFinishReasonThrough()
    {
        String answer = chatCompletion("content_filter");
        stubChat(aResponse().withStatus(200).withBody(answer));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(Map.of("api_key", API_KEY))
                .send(TestRequests.chat(simpleChatBody(false)));

        assertArrayEquals(answer.getBytes(StandardCharsets.UTF_8), complete.body());
    }

    @Test
    void dropsThePromptFilterChunkAndRecordsUsageTheClientDidNotAskFor()
    {
        String promptFilter = "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":[{\"prompt_index\":0,"
                + "\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"self_harm\":{\"filtered\":false,"
                + "\"severity\":\"safe\"},\"sexual\":{\"filtered\":false,\"severity\":\"safe\"},\"violence\":{\"filtered\":false,\"severity\":\"safe\"}}}]}";
        String role = streamChunk("{\"content\":\"\",\"refusal\":null,\"role\":\"assistant\"}", "null", "{}");
        String text = streamChunk("{\"content\":\"Hi\"}", "null", safeFilterResults());
        String finish = streamChunk("{}", "\"content_filter\"", "{}");
        String usage = "{\"choices\":[],\"created\":1732000000,\"id\":\"chatcmpl-AZ1\",\"model\":\"gpt-4o-2024-08-06\","
                + "\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp_1\",\"usage\":{\"completion_tokens\":1,\"prompt_tokens\":9,"
                + "\"total_tokens\":10,\"prompt_tokens_details\":{\"cached_tokens\":0}}}";
        stubChat(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withHeader("x-ratelimit-remaining-tokens", "79990")
                .withBody(events(List.of(promptFilter, role, text, finish, usage)) + "data: [DONE]\n\n"));

        ProviderResponse response = adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(
                "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true}"));

        ProviderResponse.Streaming streaming = assertInstanceOf(ProviderResponse.Streaming.class, response);
        assertEquals(Map.of("x-ratelimit-remaining-tokens", "79990"), streaming.headers());
        try (ChunkStream stream = streaming.chunks()) {
            // Azure's prompt-filter chunk has an empty id and object: not OpenAI's format, and LiteLLM does not pass it on
            assertEquals(List.of(role, text, finish), drainText(stream));
            assertEquals(new Usage(9, 1, 10, 0, 0), stream.usage());
            assertNull(stream.next());
        }
        upstream.verify(postRequestedFor(urlEqualTo(CHAT_URL)).withRequestBody(equalToJson("{\"model\":\"" + DEPLOYMENT + "\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}")));
    }

    @Test
    void doesNotAskOldApiVersionsForStreamOptions()
    {
        String url = "/openai/deployments/" + DEPLOYMENT + "/chat/completions?api-version=2024-02-01";
        upstream.stubFor(post(urlEqualTo(url)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: " + streamChunk("{\"content\":\"Hi\"}", "\"stop\"", "{}") + "\n\ndata: [DONE]\n\n")));
        String clientBody = "{\"model\":\"my-group\",\"messages\":[],\"stream\":true}";

        ProviderResponse response = adapter(Map.of("api_key", API_KEY, "api_version", "2024-02-01")).send(TestRequests.chat(clientBody));

        try (ChunkStream stream = assertInstanceOf(ProviderResponse.Streaming.class, response).chunks()) {
            assertEquals(1, drainText(stream).size());
        }
        assertEquals(clientBody.replace("my-group", DEPLOYMENT), upstream.onlyRequestTo(url).getBodyAsString());
    }

    @Test
    void failsAStreamCutBeforeDone()
    {
        stubChat(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: " + streamChunk("{\"content\":\"Hel\"}", "null", "{}") + "\n\n"));

        ProviderResponse response = adapter(Map.of("api_key", API_KEY)).send(TestRequests.chat(simpleChatBody(true)));

        try (ChunkStream stream = assertInstanceOf(ProviderResponse.Streaming.class, response).chunks()) {
            stream.next();
            ProviderException failure = assertThrows(ProviderException.class, stream::next);
            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().startsWith("the upstream stream from azure was cut"), failure.getMessage());
        }
    }

    // --- helpers

    private static ProviderAdapter adapter(Map<String, ?> params)
    {
        return adapter(new AzureAdapterFactory(name -> null), params);
    }

    private static ProviderAdapter adapter(AzureAdapterFactory factory, Map<String, ?> params)
    {
        Map<String, Object> full = new HashMap<>(params);
        full.putIfAbsent("api_version", VERSION);
        full.putIfAbsent("api_base", upstream.baseUrl());
        return create(factory, full);
    }

    private static ProviderAdapter create(AzureAdapterFactory factory, Map<String, Object> params)
    {
        return factory.create(TestRequests.deployment("azure", DEPLOYMENT, params), context());
    }

    private static ProviderContext context()
    {
        return new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);
    }

    private static ProviderException sendExpectingFailure(Map<String, ?> params)
    {
        ProviderAdapter adapter = adapter(params);
        return assertThrows(ProviderException.class, () -> adapter.send(TestRequests.chat(simpleChatBody(false))));
    }

    private static void stubChat(ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(CHAT_URL)).willReturn(response));
    }

    private static String simpleChatBody(boolean stream)
    {
        return "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]" + (stream ? ",\"stream\":true" : "") + "}";
    }

    private static String chatCompletion(String finishReason)
    {
        return """
                {"choices":[{"content_filter_results":{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,\
                "severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}},\
                "finish_reason":"%s","index":0,"logprobs":null,"message":{"content":"Hello! How can I help?","refusal":null,\
                "role":"assistant"}}],"created":1732000000,"id":"chatcmpl-AZ0","model":"gpt-4o-2024-08-06","object":"chat.completion",\
                "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}],\
                "system_fingerprint":"fp_04751d0b65","usage":{"completion_tokens":7,"prompt_tokens":13,"total_tokens":20}}
                """.formatted(finishReason);
    }

    private static String streamChunk(String delta, String finishReason, String filterResults)
    {
        return "{\"choices\":[{\"content_filter_results\":" + filterResults + ",\"delta\":" + delta + ",\"finish_reason\":" + finishReason
                + ",\"index\":0,\"logprobs\":null}],\"created\":1732000000,\"id\":\"chatcmpl-AZ1\",\"model\":\"gpt-4o-2024-08-06\","
                + "\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp_1\"}";
    }

    private static String safeFilterResults()
    {
        return "{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"self_harm\":{\"filtered\":false,\"severity\":\"safe\"},"
                + "\"sexual\":{\"filtered\":false,\"severity\":\"safe\"},\"violence\":{\"filtered\":false,\"severity\":\"safe\"}}";
    }
}
