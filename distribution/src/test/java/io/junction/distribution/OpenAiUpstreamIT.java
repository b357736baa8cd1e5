package io.junction.distribution;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution in front of an OpenAI-compatible upstream (WireMock answering with the shapes of OpenAI's API
 * reference), used through the official OpenAI Java SDK as any client application would, with a master key.
 */
class OpenAiUpstreamIT
{
    private static final String MASTER_KEY = "sk-junction-e2e-master";
    private static final String UPSTREAM_KEY = "sk-upstream-e2e-key";
    private static final String CHAT_GROUP = "gpt-4o-mini";
    private static final String CHAT_UPSTREAM_MODEL = "upstream-chat-model";
    private static final String CHAT_DEPLOYMENT_ID = "upstream-chat-1";
    private static final String EMBEDDING_GROUP = "embedder";
    private static final String EMBEDDING_UPSTREAM_MODEL = "upstream-embedding-model";

    // https://platform.openai.com/docs/api-reference/chat/object
    private static final String CHAT_COMPLETION = """
            {
              "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
              "object": "chat.completion",
              "created": 1741569952,
              "model": "upstream-chat-model",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "Hello! How can I assist you today?",
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {
                "prompt_tokens": 19,
                "completion_tokens": 10,
                "total_tokens": 29,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
              },
              "service_tier": "default"
            }
            """;

    // https://platform.openai.com/docs/api-reference/chat-streaming/streaming
    private static final String CHAT_STREAM = chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
            + chunk("{\"content\":\"Hello\"}", "null")
            + chunk("{\"content\":\" from\"}", "null")
            + chunk("{\"content\":\" the stream\"}", "null")
            + chunk("{}", "\"stop\"")
            + "data: [DONE]\n\n";

    // https://platform.openai.com/docs/api-reference/embeddings/object
    private static final String EMBEDDING_LIST = """
            {
              "object": "list",
              "data": [
                {
                  "object": "embedding",
                  "embedding": [0.0023064255, -0.009327292, -0.0028842222],
                  "index": 0
                }
              ],
              "model": "upstream-embedding-model",
              "usage": {"prompt_tokens": 8, "total_tokens": 8}
            }
            """;

    private static WireMockServer upstream;
    private static JunctionProcess gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void startUpstreamAndGateway()
            throws IOException
    {
        upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(CHAT_COMPLETION)));
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(CHAT_STREAM)));
        upstream.stubFor(post(urlEqualTo("/v1/embeddings"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(EMBEDDING_LIST)));

        Path work = Distribution.newWorkDirectory("openai-upstream");
        String apiBase = "http://127.0.0.1:" + upstream.port() + "/v1";
        Path config = Files.writeString(work.resolve("config.yaml"), """
                model_list:
                  - model_name: %s
                    litellm_params:
                      model: openai/%s
                      api_base: %s
                      api_key: %s
                    model_info:
                      id: %s
                  - model_name: %s
                    litellm_params:
                      model: openai/%s
                      api_base: %s
                      api_key: %s
                general_settings:
                  master_key: %s
                """.formatted(CHAT_GROUP, CHAT_UPSTREAM_MODEL, apiBase, UPSTREAM_KEY, CHAT_DEPLOYMENT_ID,
                EMBEDDING_GROUP, EMBEDDING_UPSTREAM_MODEL, apiBase, UPSTREAM_KEY, MASTER_KEY));

        gateway = JunctionProcess.builder(Distribution.home())
                .config(config)
                .logFile(work.resolve("junction.log"))
                .start();
        client = client(MASTER_KEY);
    }

    @AfterAll
    static void stopAll()
            throws Exception
    {
        Teardown.stopInOrder(client, gateway, upstream);
    }

    @Test
    void forwardsAChatCompletionWithTheUpstreamModelAndKey()
    {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(CHAT_GROUP)
                .addUserMessage("Say hello to the e2e test")
                .build());

        assertEquals("Hello! How can I assist you today?", completion.choices().getFirst().message().content().orElseThrow());
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + UPSTREAM_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(CHAT_UPSTREAM_MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Say hello to the e2e test"))));
        assertTrue(upstream.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", containing(MASTER_KEY))).isEmpty(),
                "the gateway's master key must never reach the upstream");
        String log = gateway.log();
        assertFalse(log.contains(UPSTREAM_KEY) || log.contains(MASTER_KEY), "keys must never be logged:\n" + log);
    }

    @Test
    void streamsAChatCompletionChunkByChunk()
    {
        String text;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model(CHAT_GROUP)
                .addUserMessage("Stream to the e2e test")
                .build())) {
            text = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .collect(Collectors.joining());
        }

        assertEquals("Hello from the stream", text);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + UPSTREAM_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(CHAT_UPSTREAM_MODEL)))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Stream to the e2e test"))));
    }

    @Test
    void forwardsAnEmbedding()
    {
        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model(EMBEDDING_GROUP)
                .input("The food was delicious")
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                .build());

        assertEquals(List.of(0.0023064255f, -0.009327292f, -0.0028842222f), response.data().getFirst().embedding());
        upstream.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + UPSTREAM_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(EMBEDDING_UPSTREAM_MODEL)))
                .withRequestBody(matchingJsonPath("$.input", equalTo("The food was delicious"))));
    }

    @Test
    void listsTheConfiguredModelGroups()
    {
        Set<String> ids = client.models().list().data().stream().map(Model::id).collect(Collectors.toSet());

        assertEquals(Set.of(CHAT_GROUP, EMBEDDING_GROUP), ids);
    }

    @Test
    void rejectsAnUnknownModelWithOpenAisBadRequest()
    {
        BadRequestException error = assertThrows(BadRequestException.class, () -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("no-such-model")
                .addUserMessage("Hello?")
                .build()));

        assertEquals(400, error.statusCode());
        assertTrue(error.getMessage().contains("Invalid model name"), error.getMessage());
    }

    @Test
    void rejectsAWrongMasterKeyWithOpenAisUnauthorized()
    {
        OpenAIClient wrongKey = client("sk-not-the-master-key");
        try {
            UnauthorizedException error = assertThrows(UnauthorizedException.class, () -> wrongKey.models().list());

            assertEquals(401, error.statusCode());
        }
        finally {
            wrongKey.close();
        }
    }

    @Test
    void answersWithLiteLlmsAndJunctionsHeaders()
            throws IOException, InterruptedException
    {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                            .header("Authorization", "Bearer " + MASTER_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"model": "%s", "messages": [{"role": "user", "content": "Which headers?"}]}
                                    """.formatted(CHAT_GROUP)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertEquals(200, response.statusCode(), response.body());
        String callId = response.headers().firstValue("x-litellm-call-id").orElse(null);
        String overhead = response.headers().firstValue("x-litellm-overhead-duration-ms").orElse(null);
        assertAll(
                () -> assertNotNull(callId, "x-litellm-call-id"),
                () -> assertFalse(callId.isBlank(), "x-litellm-call-id is blank"),
                () -> assertEquals(callId, response.headers().firstValue("x-junction-call-id").orElse(null), "x-junction-call-id"),
                () -> assertEquals(CHAT_DEPLOYMENT_ID, response.headers().firstValue("x-litellm-model-id").orElse(null), "x-litellm-model-id"),
                () -> assertEquals(CHAT_DEPLOYMENT_ID, response.headers().firstValue("x-junction-deployment-id").orElse(null), "x-junction-deployment-id"),
                () -> assertNotNull(overhead, "x-litellm-overhead-duration-ms"),
                () -> assertTrue(Double.parseDouble(overhead) >= 0, "x-litellm-overhead-duration-ms: " + overhead),
                () -> assertNotNull(response.headers().firstValue("x-junction-overhead-ms").orElse(null), "x-junction-overhead-ms"));
    }

    @Test
    void servesTheSameEndpointsWithoutTheV1Prefix()
            throws IOException, InterruptedException
    {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(gateway.uri("/models")).header("Authorization", "Bearer " + MASTER_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"" + CHAT_GROUP + "\""), response.body());
    }

    private static OpenAIClient client(String apiKey)
    {
        return OpenAIOkHttpClient.builder()
                .baseUrl(gateway.openAiBaseUrl())
                .apiKey(apiKey)
                .maxRetries(0)
                .build();
    }

    private static String chunk(String delta, String finishReason)
    {
        return "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
                + "\"model\":\"upstream-chat-model\",\"system_fingerprint\":\"fp_44709d6fcb\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }
}
