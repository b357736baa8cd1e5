package io.junction.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution in front of three providers that do not speak OpenAI's format: one WireMock plays Anthropic's
 * Messages API, Google AI Studio's Gemini API and Amazon Bedrock's runtime (Converse, ConverseStream in binary
 * eventstream frames, InvokeModel), each answering with the shapes of its public API reference. An application uses
 * the gateway through the official OpenAI Java SDK only; each test checks what the SDK got and what the provider got.
 * Every test uses its own prompt, so its stubs and its requests never mix with another test's.
 */
class TranslatedProvidersIT
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASTER_KEY = "sk-junction-e2e-translated";
    private static final String SYSTEM_PROMPT = "You are terse.";

    private static final String ANTHROPIC_KEY = "sk-ant-api03-e2eSECRETkey-x9";
    private static final String ANTHROPIC_GROUP = "claude";
    private static final String ANTHROPIC_MODEL = "claude-sonnet-4-20250514";
    private static final String ANTHROPIC_LIMITED_GROUP = "claude-limited";
    private static final String ANTHROPIC_LIMITED_MODEL = "claude-3-5-haiku-20241022";
    private static final String ANTHROPIC_PATH = "/v1/messages";

    private static final String GEMINI_KEY = "AIzaSyE2e-SECRETkey-Zq81";
    private static final String GEMINI_GROUP = "gemini-flash";
    private static final String GEMINI_MODEL = "gemini-2.5-flash";
    private static final String GEMINI_EMBEDDING_GROUP = "gemini-embedder";
    private static final String GEMINI_EMBEDDING_MODEL = "gemini-embedding-001";
    private static final String GEMINI_GENERATE_PATH = "/v1beta/models/" + GEMINI_MODEL + ":generateContent";
    private static final String GEMINI_STREAM_PATH = "/v1beta/models/" + GEMINI_MODEL + ":streamGenerateContent?alt=sse";

    private static final String AWS_REGION = "us-east-1";
    private static final String AWS_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYE2eSECRET";
    private static final String BEDROCK_GROUP = "bedrock-claude";
    private static final String BEDROCK_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String BEDROCK_CONVERSE_PATH = "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse";
    private static final String BEDROCK_STREAM_PATH = BEDROCK_CONVERSE_PATH + "-stream";
    private static final String BEDROCK_SMALL_GROUP = "nova-lite";
    private static final String BEDROCK_SMALL_CONVERSE_PATH = "/model/amazon.nova-lite-v1%3A0/converse";
    private static final String BEDROCK_EMBEDDING_GROUP = "titan-embedder";
    private static final String BEDROCK_EMBEDDING_PATH = "/model/amazon.titan-embed-text-v2%3A0/invoke";

    private static WireMockServer providers;
    private static JunctionProcess gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void startProvidersAndGateway()
            throws IOException
    {
        providers = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        providers.start();
        String base = "http://127.0.0.1:" + providers.port();
        Path work = Distribution.newWorkDirectory("translated-providers");
        String anthropicKey = "api_key: " + ANTHROPIC_KEY;
        String geminiKey = "api_key: " + GEMINI_KEY;
        String[] awsCredentials = {"aws_region_name: " + AWS_REGION, "aws_access_key_id: " + AWS_ACCESS_KEY, "aws_secret_access_key: " + AWS_SECRET_KEY};
        Path config = Files.writeString(work.resolve("config.yaml"), "model_list:\n"
                + deployment(ANTHROPIC_GROUP, "anthropic/" + ANTHROPIC_MODEL, base, anthropicKey)
                + deployment(ANTHROPIC_LIMITED_GROUP, "anthropic/" + ANTHROPIC_LIMITED_MODEL, base, anthropicKey)
                + deployment(GEMINI_GROUP, "gemini/" + GEMINI_MODEL, base, geminiKey)
                + deployment(GEMINI_EMBEDDING_GROUP, "gemini/" + GEMINI_EMBEDDING_MODEL, base, geminiKey)
                + deployment(BEDROCK_GROUP, "bedrock/" + BEDROCK_MODEL, base, awsCredentials)
                + deployment(BEDROCK_SMALL_GROUP, "bedrock/amazon.nova-lite-v1:0", base, awsCredentials)
                + deployment(BEDROCK_EMBEDDING_GROUP, "bedrock/amazon.titan-embed-text-v2:0", base, awsCredentials)
                + "general_settings:\n  master_key: " + MASTER_KEY + "\n");

        gateway = JunctionProcess.builder(Distribution.home())
                .config(config)
                .logFile(work.resolve("junction.log"))
                .start();
        client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.openAiBaseUrl())
                .apiKey(MASTER_KEY)
                .maxRetries(0)
                .build();
    }

    /** One {@code model_list} entry served by the fake providers at {@code base}, with its credential settings. */
    private static String deployment(String group, String model, String base, String... credentials)
    {
        StringBuilder entry = new StringBuilder()
                .append("  - model_name: ").append(group).append('\n')
                .append("    litellm_params:\n")
                .append("      model: ").append(model).append('\n')
                .append("      api_base: ").append(base).append('\n');
        for (String credential : credentials) {
            entry.append("      ").append(credential).append('\n');
        }
        return entry.toString();
    }

    @AfterAll
    static void stopAll()
            throws Exception
    {
        Teardown.stopInOrder(client, gateway, providers);
    }

    // --- Anthropic: https://docs.anthropic.com/en/api/messages, /en/api/messages-streaming, /en/api/errors

    @Test
    void anthropicAnswersAChatWithItsContentFinishReasonAndUsage()
    {
        String prompt = "Anthropic, introduce yourself";
        providers.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(containing(prompt)).willReturn(json("""
                {"id": "msg_013Zva2CMHLNnXjNJJKqJ2EF", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [{"type": "text", "text": "Hi! My name is Claude."}],
                 "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": 2095, "output_tokens": 503, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}}
                """)));

        ChatCompletion completion = chat(ANTHROPIC_GROUP, prompt);

        assertAnswer(completion, "Hi! My name is Claude.", ChatCompletion.Choice.FinishReason.STOP, 2095, 503, 2598);
        providers.verify(1, postRequestedFor(urlEqualTo(ANTHROPIC_PATH))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-20250514", "max_tokens": 4096, "system": "You are terse.",
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "%s"}]}]}""".formatted(prompt))));
        assertTrue(providers.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", containing(MASTER_KEY))).isEmpty(),
                "the gateway's master key must never reach a provider");
    }

    @Test
    void anthropicStreamsNamedEventsAsChunksWithAUsageChunkAndDone()
            throws IOException, InterruptedException
    {
        String prompt = "Anthropic, stream a greeting";
        String messageStart = """
                {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message","role":"assistant",\
                "content":[],"model":"claude-sonnet-4-20250514","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}""";
        providers.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(containing(prompt)).willReturn(sse(
                anthropicEvent(messageStart)
                        + anthropicEvent("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                        + anthropicEvent("{\"type\":\"ping\"}")
                        + anthropicEvent("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}")
                        + anthropicEvent("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" from Claude\"}}")
                        + anthropicEvent("{\"type\":\"content_block_stop\",\"index\":0}")
                        + anthropicEvent("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                                + "\"usage\":{\"output_tokens\":15}}")
                        + anthropicEvent("{\"type\":\"message_stop\"}"))));

        StreamedAnswer streamed = streamChat(ANTHROPIC_GROUP, prompt);
        String raw = rawStream(ANTHROPIC_GROUP, prompt);

        streamed.assertShape("Hello from Claude", 25, 15, 40);
        assertEndsWithDone(raw);
        providers.verify(2, postRequestedFor(urlEqualTo(ANTHROPIC_PATH))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withRequestBody(containing(prompt))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.model", equalTo(ANTHROPIC_MODEL))));
    }

    @Test
    void anthropicToolUseRoundTripsThroughTheSdk()
    {
        String prompt = "Anthropic, what is the weather in Paris?";
        providers.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).atPriority(5).withRequestBody(containing(prompt)).willReturn(json("""
                {"id": "msg_01Aq9w938a90dw8q", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [
                   {"type": "text", "text": "I'll check the weather."},
                   {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"city": "Paris", "unit": "celsius"}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 472, "output_tokens": 89}}
                """)));
        providers.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).atPriority(1).withRequestBody(containing(prompt))
                .withRequestBody(containing("\"tool_result\"")).willReturn(json("""
                        {"id": "msg_01B", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                         "content": [{"type": "text", "text": "It is 18 degrees and sunny in Paris."}],
                         "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 580, "output_tokens": 12}}
                        """)));

        ChatCompletionMessage call = callForWeather(ANTHROPIC_GROUP, prompt, "toolu_01A09q90qw90lq917835lq9");
        ChatCompletion answer = answerWithToolResult(ANTHROPIC_GROUP, prompt, call, "18 degrees, sunny");

        assertEquals("I'll check the weather.", call.content().orElseThrow());
        assertEquals("It is 18 degrees and sunny in Paris.", answer.choices().getFirst().message().content().orElseThrow());
        JsonNode first = onlyBody(postRequestedFor(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(containing(prompt))
                .withRequestBody(notContaining("\"tool_result\"")));
        assertEquals(tree("""
                [{"name": "get_weather", "description": "Current weather in a city",
                  "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]"""),
                first.path("tools"));
        JsonNode followUp = onlyBody(postRequestedFor(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(containing("\"tool_result\"")));
        assertEquals(tree("""
                [{"role": "user", "content": [{"type": "text", "text": "%s"}]},
                 {"role": "assistant", "content": [
                   {"type": "text", "text": "I'll check the weather."},
                   {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"city": "Paris", "unit": "celsius"}}]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_01A09q90qw90lq917835lq9", "content": "18 degrees, sunny"}]}]"""
                .formatted(prompt)), followUp.path("messages"));
    }

    @Test
    void anthropicRateLimitReachesTheSdkAsRateLimitExceptionWithRetryAfter()
    {
        String prompt = "Anthropic, this one is over the limit";
        providers.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(containing(prompt)).willReturn(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("retry-after", "17")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy")
                .withHeader("anthropic-ratelimit-requests-remaining", "0")
                .withBody("""
                        {"type": "error",
                         "error": {"type": "rate_limit_error", "message": "This request would exceed the rate limit for your organization of 50 requests per minute."},
                         "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}""")));

        RateLimitException error = assertThrows(RateLimitException.class, () -> chat(ANTHROPIC_LIMITED_GROUP, prompt));

        assertAll(
                () -> assertEquals(429, error.statusCode()),
                () -> assertEquals(List.of("17"), error.headers().values("retry-after"), "the provider's Retry-After"),
                // OpenAI's code for a 429, which clients match on (not Anthropic's rate_limit_error)
                () -> assertEquals("rate_limit_exceeded", error.code().orElse(null), error.getMessage()),
                () -> assertTrue(error.getMessage().contains("exceed the rate limit"), error.getMessage()));
        providers.verify(1, postRequestedFor(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(containing(prompt))
                .withRequestBody(matchingJsonPath("$.model", equalTo(ANTHROPIC_LIMITED_MODEL))));
        assertNoSecretLogged();
    }

    // --- Gemini (Google AI Studio): https://ai.google.dev/api/generate-content, /api/embeddings

    @Test
    void geminiAnswersAChatWithItsContentFinishReasonAndUsage()
    {
        String prompt = "Gemini, introduce yourself";
        providers.stubFor(post(urlEqualTo(GEMINI_GENERATE_PATH)).withRequestBody(containing(prompt)).willReturn(json("""
                {"candidates": [{"content": {"parts": [{"text": "Hello! How can I help you today?"}], "role": "model"},
                                 "finishReason": "STOP", "avgLogprobs": -0.0523}],
                 "usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 10, "totalTokenCount": 14,
                                   "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 4}]},
                 "modelVersion": "gemini-2.5-flash-001", "responseId": "tTCwacuEBMvnitYP06qsgQY"}
                """)));

        ChatCompletion completion = chat(GEMINI_GROUP, prompt);

        assertAnswer(completion, "Hello! How can I help you today?", ChatCompletion.Choice.FinishReason.STOP, 4, 10, 14);
        providers.verify(1, postRequestedFor(urlEqualTo(GEMINI_GENERATE_PATH))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY))
                .withRequestBody(equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "%s"}]}],
                         "system_instruction": {"parts": [{"text": "You are terse."}]}}""".formatted(prompt))));
        assertTrue(providers.findAll(anyRequestedFor(anyUrl())).stream()
                .noneMatch(request -> request.getUrl().contains(GEMINI_KEY)), "the Gemini key belongs in a header, never in the URL");
    }

    @Test
    void geminiStreamsSseEventsAsChunksWithAUsageChunkAndDone()
            throws IOException, InterruptedException
    {
        String prompt = "Gemini, stream a greeting";
        // as Google AI Studio sends them: CRLF line ends, running usage totals in every event, no end marker
        providers.stubFor(post(urlEqualTo(GEMINI_STREAM_PATH)).withRequestBody(containing(prompt)).willReturn(sse("""
                data: {"candidates": [{"content": {"parts": [{"text": "Hello!"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 5,"totalTokenCount": 5},"modelVersion": "gemini-2.5-flash","responseId": "resp-1"}\r
                \r
                data: {"candidates": [{"content": {"parts": [{"text": " How can I help you today"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 5,"totalTokenCount": 5},"modelVersion": "gemini-2.5-flash","responseId": "resp-1"}\r
                \r
                data: {"candidates": [{"content": {"parts": [{"text": "?"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 5,"candidatesTokenCount": 9,"totalTokenCount": 14},"modelVersion": "gemini-2.5-flash","responseId": "resp-1"}\r
                \r
                """)));

        StreamedAnswer streamed = streamChat(GEMINI_GROUP, prompt);
        String raw = rawStream(GEMINI_GROUP, prompt);

        streamed.assertShape("Hello! How can I help you today?", 5, 9, 14);
        assertEndsWithDone(raw);
        providers.verify(2, postRequestedFor(urlEqualTo(GEMINI_STREAM_PATH))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY))
                .withRequestBody(containing(prompt)));
    }

    @Test
    void geminiFunctionCallRoundTripsThroughTheSdk()
    {
        String prompt = "Gemini, what is the weather in Paris?";
        providers.stubFor(post(urlEqualTo(GEMINI_GENERATE_PATH)).atPriority(5).withRequestBody(containing(prompt)).willReturn(json("""
                {"candidates": [{"content": {"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": {"city": "Paris", "unit": "celsius"}}}]},
                                 "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": 40, "candidatesTokenCount": 12, "totalTokenCount": 52},
                 "modelVersion": "gemini-2.5-flash", "responseId": "resp-9"}
                """)));
        providers.stubFor(post(urlEqualTo(GEMINI_GENERATE_PATH)).atPriority(1).withRequestBody(containing(prompt))
                .withRequestBody(containing("functionResponse")).willReturn(json("""
                        {"candidates": [{"content": {"role": "model", "parts": [{"text": "It is 18 degrees and sunny in Paris."}]},
                                         "finishReason": "STOP", "index": 0}],
                         "usageMetadata": {"promptTokenCount": 70, "candidatesTokenCount": 11, "totalTokenCount": 81},
                         "modelVersion": "gemini-2.5-flash", "responseId": "resp-10"}
                        """)));

        ChatCompletionMessage call = callForWeather(GEMINI_GROUP, prompt, null);
        ChatCompletion answer = answerWithToolResult(GEMINI_GROUP, prompt, call, "{\"temp_c\": 18, \"sky\": \"sunny\"}");

        assertEquals("It is 18 degrees and sunny in Paris.", answer.choices().getFirst().message().content().orElseThrow());
        JsonNode first = onlyBody(postRequestedFor(urlEqualTo(GEMINI_GENERATE_PATH)).withRequestBody(containing(prompt))
                .withRequestBody(notContaining("functionResponse")));
        assertEquals(tree("""
                [{"function_declarations": [{"name": "get_weather", "description": "Current weather in a city",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]}]"""),
                first.path("tools"));
        JsonNode followUp = onlyBody(postRequestedFor(urlEqualTo(GEMINI_GENERATE_PATH)).withRequestBody(containing("functionResponse")));
        assertEquals(tree("""
                [{"role": "user", "parts": [{"text": "%s"}]},
                 {"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": {"city": "Paris", "unit": "celsius"}}}]},
                 {"role": "user", "parts": [{"functionResponse": {"name": "get_weather", "response": {"temp_c": 18, "sky": "sunny"}}}]}]"""
                .formatted(prompt)), followUp.path("contents"));
    }

    @Test
    void geminiEmbedsWithBatchEmbedContents()
    {
        String text = "Gemini, embed the food was delicious";
        String path = "/v1beta/models/" + GEMINI_EMBEDDING_MODEL + ":batchEmbedContents";
        providers.stubFor(post(urlEqualTo(path)).withRequestBody(containing(text)).willReturn(json("""
                {"embeddings": [{"values": [0.0125, -0.5, 0.25]}]}""")));

        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model(GEMINI_EMBEDDING_GROUP)
                .input(text)
                .build());

        assertEquals(List.of(0.0125f, -0.5f, 0.25f), onlyEmbedding(response).embedding());
        providers.verify(1, postRequestedFor(urlEqualTo(path))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY))
                .withRequestBody(equalToJson("""
                        {"requests": [{"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "%s"}]}}]}""".formatted(text))));
    }

    // --- Bedrock: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html, _ConverseStream, _InvokeModel

    @Test
    void bedrockAnswersAChatWithItsContentFinishReasonAndUsageAndASignatureOverWhatWasSent()
    {
        String prompt = "Bedrock, introduce yourself";
        providers.stubFor(post(urlEqualTo(BEDROCK_CONVERSE_PATH)).withRequestBody(containing(prompt)).willReturn(json(converseAnswer(
                "[{\"text\": \"Hello! I am Claude on Bedrock.\"}]", "end_turn", 12, 7)).withHeader("x-amzn-RequestId", "7a0f7b34-e2e")));

        ChatCompletion completion = chat(BEDROCK_GROUP, prompt);

        assertAnswer(completion, "Hello! I am Claude on Bedrock.", ChatCompletion.Choice.FinishReason.STOP, 12, 7, 19);
        List<LoggedRequest> sent = providers.findAll(postRequestedFor(urlEqualTo(BEDROCK_CONVERSE_PATH)).withRequestBody(containing(prompt)));
        assertEquals(1, sent.size());
        assertEquals(tree("""
                {"messages": [{"role": "user", "content": [{"text": "%s"}]}], "system": [{"text": "You are terse."}]}""".formatted(prompt)),
                tree(sent.getFirst().getBodyAsString()));
        SigV4Verifier.assertSigned(sent.getFirst(), AWS_ACCESS_KEY, AWS_SECRET_KEY, AWS_REGION, "bedrock");
    }

    @Test
    void bedrockStreamsEventstreamFramesAsChunksWithAUsageChunkAndDone()
            throws IOException, InterruptedException
    {
        String prompt = "Bedrock, stream a greeting";
        byte[] frames = new AwsEventStream()
                .event("messageStart", "{\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ\",\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello\"},\"p\":\"abcdefghijklmnopq\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\" from Bedrock\"},\"p\":\"abcd\"}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcdefghijklmnopqrstuvw\"}")
                .event("messageStop", "{\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFG\",\"stopReason\":\"end_turn\"}")
                .event("metadata", "{\"metrics\":{\"latencyMs\":412},\"p\":\"abcdefghi\",\"usage\":{\"inputTokens\":9,\"outputTokens\":3,\"totalTokens\":12}}")
                .bytes();
        providers.stubFor(post(urlEqualTo(BEDROCK_STREAM_PATH)).withRequestBody(containing(prompt)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withHeader("x-amzn-RequestId", "stream-e2e")
                .withBody(frames)));

        StreamedAnswer streamed = streamChat(BEDROCK_GROUP, prompt);
        String raw = rawStream(BEDROCK_GROUP, prompt);

        streamed.assertShape("Hello from Bedrock", 9, 3, 12);
        assertEndsWithDone(raw);
        List<LoggedRequest> sent = providers.findAll(postRequestedFor(urlEqualTo(BEDROCK_STREAM_PATH)).withRequestBody(containing(prompt)));
        assertEquals(2, sent.size());
        sent.forEach(request -> SigV4Verifier.assertSigned(request, AWS_ACCESS_KEY, AWS_SECRET_KEY, AWS_REGION, "bedrock"));
    }

    @Test
    void bedrockToolUseRoundTripsThroughTheSdk()
    {
        String prompt = "Bedrock, what is the weather in Paris?";
        providers.stubFor(post(urlEqualTo(BEDROCK_CONVERSE_PATH)).atPriority(5).withRequestBody(containing(prompt)).willReturn(json(converseAnswer("""
                [{"text": "Let me check."},
                 {"toolUse": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "name": "get_weather", "input": {"city": "Paris", "unit": "celsius"}}}]""",
                "tool_use", 60, 30))));
        providers.stubFor(post(urlEqualTo(BEDROCK_CONVERSE_PATH)).atPriority(1).withRequestBody(containing(prompt))
                .withRequestBody(containing("toolResult")).willReturn(json(converseAnswer(
                        "[{\"text\": \"It is 18 degrees and sunny in Paris.\"}]", "end_turn", 90, 11))));

        ChatCompletionMessage call = callForWeather(BEDROCK_GROUP, prompt, "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        ChatCompletion answer = answerWithToolResult(BEDROCK_GROUP, prompt, call, "18 degrees, sunny");

        assertEquals("Let me check.", call.content().orElseThrow());
        assertEquals("It is 18 degrees and sunny in Paris.", answer.choices().getFirst().message().content().orElseThrow());
        JsonNode followUp = onlyBody(postRequestedFor(urlEqualTo(BEDROCK_CONVERSE_PATH)).withRequestBody(containing("toolResult")));
        assertEquals(tree("""
                [{"role": "user", "content": [{"text": "%s"}]},
                 {"role": "assistant", "content": [
                   {"text": "Let me check."},
                   {"toolUse": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "name": "get_weather", "input": {"city": "Paris", "unit": "celsius"}}}]},
                 {"role": "user", "content": [{"toolResult": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "content": [{"text": "18 degrees, sunny"}]}}]}]"""
                .formatted(prompt)), followUp.path("messages"));
        assertEquals(tree("""
                {"tools": [{"toolSpec": {"name": "get_weather", "description": "Current weather in a city",
                  "inputSchema": {"json": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}}]}"""),
                followUp.path("toolConfig"));
    }

    @Test
    void bedrockEmbedsWithTitanThroughInvokeModel()
    {
        String text = "Bedrock, embed the food was delicious";
        providers.stubFor(post(urlEqualTo(BEDROCK_EMBEDDING_PATH)).withRequestBody(containing(text)).willReturn(json("""
                {"embedding": [0.1, -0.2, 0.3], "embeddingsByType": {"float": [0.1, -0.2, 0.3]}, "inputTextTokenCount": 7}""")));

        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model(BEDROCK_EMBEDDING_GROUP)
                .input(text)
                .build());

        assertEquals(List.of(0.1f, -0.2f, 0.3f), onlyEmbedding(response).embedding());
        assertEquals(7, response.usage().promptTokens());
        List<LoggedRequest> sent = providers.findAll(postRequestedFor(urlEqualTo(BEDROCK_EMBEDDING_PATH)).withRequestBody(containing(text)));
        assertEquals(1, sent.size());
        assertEquals(tree("{\"inputText\": \"%s\"}".formatted(text)), tree(sent.getFirst().getBodyAsString()));
        SigV4Verifier.assertSigned(sent.getFirst(), AWS_ACCESS_KEY, AWS_SECRET_KEY, AWS_REGION, "bedrock");
    }

    @Test
    void bedrockContextWindowErrorReachesTheSdkAsBadRequestWithOpenAisCode()
    {
        String prompt = "Bedrock, this prompt is too long";
        providers.stubFor(post(urlEqualTo(BEDROCK_SMALL_CONVERSE_PATH)).withRequestBody(containing(prompt)).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "c8a3d7e1-e2e")
                .withHeader("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withBody("{\"message\":\"Input is too long for requested model.\"}")));

        BadRequestException error = assertThrows(BadRequestException.class, () -> chat(BEDROCK_SMALL_GROUP, prompt));

        assertAll(
                () -> assertEquals(400, error.statusCode()),
                () -> assertEquals("context_length_exceeded", error.code().orElse(null), error.getMessage()),
                () -> assertTrue(error.getMessage().contains("Input is too long"), error.getMessage()),
                () -> assertFalse(error.getMessage().contains(AWS_SECRET_KEY) || error.getMessage().contains(AWS_ACCESS_KEY), error.getMessage()));
        providers.verify(1, postRequestedFor(urlEqualTo(BEDROCK_SMALL_CONVERSE_PATH)).withRequestBody(containing(prompt)));
        assertNoSecretLogged();
    }

    // --- the application's side: the OpenAI SDK

    private static ChatCompletion chat(String group, String prompt)
    {
        return client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(group)
                .addSystemMessage(SYSTEM_PROMPT)
                .addUserMessage(prompt)
                .build());
    }

    private static StreamedAnswer streamChat(String group, String prompt)
    {
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model(group)
                .addUserMessage(prompt)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build())) {
            return new StreamedAnswer(stream.stream().toList());
        }
    }

    /** The same streamed request over plain HTTP, for what the SDK hides: how the stream ends on the wire. */
    private static String rawStream(String group, String prompt)
            throws IOException, InterruptedException
    {
        String body = JSON.writeValueAsString(Map.of("model", group, "stream", true,
                "messages", List.of(Map.of("role", "user", "content", prompt))));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                            .header("Authorization", "Bearer " + MASTER_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            return response.body();
        }
    }

    private static ChatCompletionCreateParams.Builder weatherConversation(String group, String prompt)
    {
        FunctionParameters parameters = FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                .build();
        return ChatCompletionCreateParams.builder()
                .model(group)
                .addTool(ChatCompletionFunctionTool.builder()
                        .function(FunctionDefinition.builder().name("get_weather").description("Current weather in a city").parameters(parameters).build())
                        .build())
                .addUserMessage(prompt);
    }

    /** Asks with the weather tool; the answer must be one get_weather call for Paris ({@code expectedId} when known). */
    private static ChatCompletionMessage callForWeather(String group, String prompt, String expectedId)
    {
        ChatCompletion completion = client.chat().completions().create(weatherConversation(group, prompt).build());

        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, choice.finishReason());
        ChatCompletionMessageFunctionToolCall call = onlyToolCall(choice.message());
        assertAll(
                () -> assertEquals("get_weather", call.function().name()),
                () -> assertEquals(tree("{\"city\": \"Paris\", \"unit\": \"celsius\"}"), tree(call.function().arguments())),
                () -> assertTrue(expectedId == null ? !call.id().isBlank() : call.id().equals(expectedId), "tool call id " + call.id()));
        return choice.message();
    }

    /** Sends the conversation back with the assistant's call and the tool's result, as an application does. */
    private static ChatCompletion answerWithToolResult(String group, String prompt, ChatCompletionMessage call, String result)
    {
        ChatCompletion completion = client.chat().completions().create(weatherConversation(group, prompt)
                .addMessage(call)
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(onlyToolCall(call).id()).content(result).build())
                .build());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().getFirst().finishReason());
        return completion;
    }

    private static ChatCompletionMessageFunctionToolCall onlyToolCall(ChatCompletionMessage message)
    {
        List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElseThrow(
                () -> new AssertionError("no tool_calls in " + message));
        assertEquals(1, calls.size(), calls::toString);
        return calls.getFirst().asFunction();
    }

    private static Embedding onlyEmbedding(CreateEmbeddingResponse response)
    {
        assertEquals(1, response.data().size(), response::toString);
        assertEquals(0, response.data().getFirst().index());
        return response.data().getFirst();
    }

    private static void assertAnswer(ChatCompletion completion, String content, ChatCompletion.Choice.FinishReason finishReason,
            long promptTokens, long completionTokens, long totalTokens)
    {
        ChatCompletion.Choice choice = completion.choices().getFirst();
        CompletionUsage usage = completion.usage().orElseThrow(() -> new AssertionError("no usage in " + completion));
        assertAll(
                () -> assertEquals(1, completion.choices().size()),
                () -> assertEquals(content, choice.message().content().orElse(null)),
                () -> assertEquals(finishReason, choice.finishReason()),
                () -> assertEquals(List.of(promptTokens, completionTokens, totalTokens),
                        List.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()), "prompt, completion, total tokens"));
    }

    private static void assertEndsWithDone(String sse)
    {
        assertTrue(sse.endsWith("data: [DONE]\n\n"), "a stream ends with data: [DONE]:\n" + sse);
        assertEquals(1, sse.split("data: \\[DONE]", -1).length - 1, "exactly one [DONE]:\n" + sse);
    }

    private static void assertNoSecretLogged()
    {
        String log = gateway.log();
        for (String secret : List.of(MASTER_KEY, ANTHROPIC_KEY, GEMINI_KEY, AWS_SECRET_KEY)) {
            assertFalse(log.contains(secret), "a secret reached the gateway's log:\n" + log);
        }
    }

    // --- the providers' side

    private static JsonNode onlyBody(RequestPatternBuilder pattern)
    {
        List<LoggedRequest> requests = providers.findAll(pattern);
        assertEquals(1, requests.size(), () -> "requests matching " + pattern.build() + ": " + requests);
        return tree(requests.getFirst().getBodyAsString());
    }

    private static ResponseDefinitionBuilder json(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder sse(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /** A server-sent event as Anthropic writes it: named after the {@code type} its data repeats. */
    private static String anthropicEvent(String json)
    {
        return "event: " + tree(json).path("type").asText() + "\ndata: " + json + "\n\n";
    }

    private static String converseAnswer(String content, String stopReason, int inputTokens, int outputTokens)
    {
        return """
                {"output": {"message": {"role": "assistant", "content": %s}}, "stopReason": "%s",
                 "usage": {"inputTokens": %d, "outputTokens": %d, "totalTokens": %d}, "metrics": {"latencyMs": 350}}"""
                .formatted(content, stopReason, inputTokens, outputTokens, inputTokens + outputTokens);
    }

    private static JsonNode tree(String json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The chunks of one streamed answer, as the SDK parsed them. */
    private record StreamedAnswer(List<ChatCompletionChunk> chunks)
    {
        StreamedAnswer
        {
            chunks = List.copyOf(chunks);
        }

        /**
         * The text in content deltas, one finish chunk saying {@code stop}, then exactly one usage chunk (no choices)
         * and nothing after it: what an application that asked for {@code include_usage} relies on.
         */
        void assertShape(String text, long promptTokens, long completionTokens, long totalTokens)
        {
            assertFalse(chunks.isEmpty(), "no chunks");
            String content = chunks.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .collect(Collectors.joining());
            List<ChatCompletionChunk.Choice.FinishReason> finishReasons = chunks.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.finishReason().orElse(null))
                    .filter(Objects::nonNull)
                    .toList();
            ChatCompletionChunk last = chunks.getLast();
            CompletionUsage usage = last.usage().orElseThrow(() -> new AssertionError("the last chunk carries no usage: " + last));
            assertAll(
                    () -> assertEquals(text, content),
                    () -> assertEquals(List.of(ChatCompletionChunk.Choice.FinishReason.STOP), finishReasons),
                    () -> assertTrue(chunks.getFirst().choices().getFirst().delta().role().isPresent(), "the first chunk names the role"),
                    () -> assertTrue(last.choices().isEmpty(), "the usage chunk has no choices: " + last),
                    () -> assertEquals(1, chunks.stream().filter(chunk -> chunk.usage().isPresent()).count(), "usage chunks"),
                    () -> assertTrue(chunks.get(chunks.size() - 2).choices().getFirst().finishReason().isPresent(),
                            "the finish chunk comes right before the usage chunk"),
                    () -> assertEquals(List.of(promptTokens, completionTokens, totalTokens),
                            List.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()), "prompt, completion, total tokens"));
        }
    }
}
