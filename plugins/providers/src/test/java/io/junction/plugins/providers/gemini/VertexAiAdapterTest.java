package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.gemini.GeminiTestSupport.MovableClock;
import io.junction.spi.ConfigException;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.junction.plugins.providers.ChunkStreams.drainJson;
import static io.junction.plugins.providers.gemini.GeminiTestSupport.countingUuids;
import static io.junction.plugins.providers.gemini.GeminiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vertex_ai adapter against WireMock playing both Vertex AI and Google's OAuth token endpoint, with a service
 * account whose RSA key is made for the test.
 */
class VertexAiAdapterTest
{
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String MODEL = "gemini-2.5-pro";
    private static final String PROJECT = "my-project-123";
    private static final String LOCATION = "europe-west4";
    private static final String MODEL_PATH = "/v1/projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/google/models/" + MODEL;
    private static final TestServiceAccount ACCOUNT = TestServiceAccount.generate();
    private static final String CLIENT_EMAIL = TestServiceAccount.CLIENT_EMAIL;
    private static final String KEY_ID = TestServiceAccount.KEY_ID;

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    @TempDir
    Path temporary;

    // --- requests and their credentials

    @Test
    void sendsChatToTheProjectsModelWithABearerToken()
    {
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":generateContent", ok(answer()));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter(params(), InstantSource.fixed(NOW))
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                        + "{\"role\":\"user\",\"content\":\"Hello!\"}],\"max_tokens\":100}"));

        upstream.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":generateContent"))
                .withHeader("Authorization", equalTo("Bearer ya29.first-token"))
                .withRequestBody(equalToJson("""
                        {"contents":[{"role":"user","parts":[{"text":"Hello!"}]}],
                         "system_instruction":{"parts":[{"text":"Be brief."}]},
                         "generationConfig":{"maxOutputTokens":100}}""")));
        JsonNode body = json(complete.body());
        assertEquals("Hi from Vertex.", body.path("choices").path(0).path("message").path("content").asText());
        assertEquals("gemini-2.5-pro", body.path("model").asText());
        assertEquals(new Usage(6, 4, 10, 0, 0), complete.usage());
    }

    @Test
    void signsTheTokenRequestWithTheServiceAccountsKey()
            throws GeneralSecurityException
    {
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":generateContent", ok(answer()));

        adapter(params(), InstantSource.fixed(NOW)).send(simpleChat());

        List<LoggedRequest> tokenRequests = upstream.findAll(postRequestedFor(urlEqualTo("/token")));
        assertEquals(1, tokenRequests.size());
        LoggedRequest tokenRequest = tokenRequests.getFirst();
        assertTrue(tokenRequest.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = form(tokenRequest.getBodyAsString());
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));

        String[] jwt = form.get("assertion").split("\\.");
        assertEquals(3, jwt.length);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(ACCOUNT.keys().getPublic());
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(jwt[2])), "the assertion's signature verifies with the public key");

        assertEquals(json("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}"), json(Base64.getUrlDecoder().decode(jwt[0])));
        JsonNode claims = json(Base64.getUrlDecoder().decode(jwt[1]));
        assertEquals(CLIENT_EMAIL, claims.path("iss").asText());
        assertEquals("https://www.googleapis.com/auth/cloud-platform", claims.path("scope").asText());
        assertEquals(upstream.baseUrl() + "/token", claims.path("aud").asText());
        assertEquals(NOW.getEpochSecond(), claims.path("iat").asLong());
        assertEquals(NOW.getEpochSecond() + 3600, claims.path("exp").asLong());
        assertFalse(jwt[0].contains("=") || jwt[1].contains("=") || jwt[2].contains("="), "base64url without padding");
    }

    @Test
    void keepsTheTokenAndRefreshesItFiveMinutesBeforeItExpires()
    {
        upstream.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(tokenResponse("ya29.first-token", 3600)).willSetStateTo("second"));
        upstream.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(tokenResponse("ya29.second-token", 3600)));
        stubVertex(MODEL_PATH + ":generateContent", ok(answer()));
        MovableClock clock = new MovableClock(NOW);
        ProviderAdapter adapter = adapter(params(), clock);

        adapter.send(simpleChat());
        clock.advance(Duration.ofMinutes(54));
        adapter.send(simpleChat());
        assertEquals(List.of("Bearer ya29.first-token", "Bearer ya29.first-token"), authorizations());
        assertEquals(1, upstream.findAll(postRequestedFor(urlEqualTo("/token"))).size());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        adapter.send(simpleChat());
        adapter.send(simpleChat());

        assertEquals(List.of("Bearer ya29.first-token", "Bearer ya29.first-token", "Bearer ya29.second-token", "Bearer ya29.second-token"),
                authorizations());
        assertEquals(2, upstream.findAll(postRequestedFor(urlEqualTo("/token"))).size());
    }

    @Test
    void concurrentRequestsShareOneTokenRequest()
            throws Exception
    {
        // a slow token endpoint, so every request arrives while the first fetch is still under way
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(tokenResponse("ya29.shared", 3599).withFixedDelay(400)));
        stubVertex(MODEL_PATH + ":generateContent", ok(answer()));
        ProviderAdapter adapter = adapter(params(), InstantSource.fixed(NOW));
        int requests = 12;

        List<Future<ProviderResponse>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                Callable<ProviderResponse> call = () -> adapter.send(simpleChat());
                answers.add(threads.submit(call));
            }
            for (Future<ProviderResponse> answer : answers) {
                assertInstanceOf(ProviderResponse.Complete.class, answer.get());
            }
        }

        assertEquals(1, upstream.findAll(postRequestedFor(urlEqualTo("/token"))).size());
        assertEquals(requests, authorizations().size());
        assertTrue(authorizations().stream().allMatch("Bearer ya29.shared"::equals), authorizations().toString());
    }

    @Test
    void failsWithAuthenticationWhenGoogleRefusesTheAssertion()
    {
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(params(), InstantSource.fixed(NOW)).send(simpleChat()));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        assertFalse(failure.kind().retryable());
        assertTrue(failure.getMessage().contains("invalid_grant: Invalid JWT Signature."), failure.getMessage());
        assertTrue(failure.getMessage().contains(CLIENT_EMAIL), failure.getMessage());
        String keyMaterial = ACCOUNT.privateKeyPem().lines().skip(1).findFirst().orElseThrow();
        assertFalse(failure.getMessage().contains(keyMaterial), failure.getMessage());
        assertFalse(failure.getMessage().contains("assertion"), failure.getMessage());
        assertEquals(0, upstream.findAll(postRequestedFor(urlEqualTo(MODEL_PATH + ":generateContent"))).size());
    }

    @Test
    void failsAsUnavailableWhenTheTokenEndpointFailsItself()
    {
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(params(), InstantSource.fixed(NOW)).send(simpleChat()));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertFalse(failure.getMessage().contains("<html>"), failure.getMessage());
    }

    @Test
    void keepsUsingAStillValidTokenWhenItsRefreshFails()
    {
        upstream.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(tokenResponse("ya29.first-token", 3600)).willSetStateTo("failing"));
        upstream.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs("failing")
                .willReturn(aResponse().withStatus(500)));
        stubVertex(MODEL_PATH + ":generateContent", ok(answer()));
        MovableClock clock = new MovableClock(NOW);
        ProviderAdapter adapter = adapter(params(), clock);

        adapter.send(simpleChat());
        clock.advance(Duration.ofMinutes(58));
        adapter.send(simpleChat());
        clock.advance(Duration.ofMinutes(3));

        assertEquals(ErrorKind.UNAVAILABLE, assertThrows(ProviderException.class, () -> adapter.send(simpleChat())).kind());
        assertEquals(List.of("Bearer ya29.first-token", "Bearer ya29.first-token"), authorizations());
    }

    @Test
    void streamsFromStreamGenerateContentWithTheToken()
    {
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":streamGenerateContent?alt=sse", aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("""
                        data: {"candidates": [{"content": {"role": "model","parts": [{"text": "Hello!"}]}}],"usageMetadata": {"trafficType": "ON_DEMAND"},"modelVersion": "gemini-2.5-pro","createTime": "2026-11-21T10:00:00.066123Z","responseId": "tTCwacuEBMvnitYP06qsgQY"}

                        data: {"candidates": [{"content": {"role": "model","parts": [{"text": "","thoughtSignature": "AY89a18iOcFus5wr"}]},"finishReason": "STOP"}],"usageMetadata": {"promptTokenCount": 1,"candidatesTokenCount": 9,"totalTokenCount": 10,"trafficType": "ON_DEMAND"},"modelVersion": "gemini-2.5-pro","createTime": "2026-11-21T10:00:00.066123Z","responseId": "tTCwacuEBMvnitYP06qsgQY"}

                        """));

        ProviderResponse.Streaming streaming = (ProviderResponse.Streaming) adapter(params(), InstantSource.fixed(NOW))
                .send(TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}"));

        try (ChunkStream stream = streaming.chunks()) {
            List<JsonNode> chunks = drainJson(stream);
            assertEquals(3, chunks.size(), chunks.toString());
            assertEquals("Hello!", chunks.get(1).path("choices").path(0).path("delta").path("content").asText());
            assertEquals("stop", chunks.get(2).path("choices").path(0).path("finish_reason").asText());
            assertEquals(new Usage(1, 9, 10, 0, 0), stream.usage());
        }
        upstream.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":streamGenerateContent?alt=sse"))
                .withHeader("Authorization", equalTo("Bearer ya29.first-token")));
    }

    @Test
    void readsVertexErrorsWrappedInAnArray()
    {
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":generateContent", aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("""
                [{
                  "error": {
                    "code": 429,
                    "message": "Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",
                    "status": "RESOURCE_EXHAUSTED"
                  }
                }]
                """));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(params(), InstantSource.fixed(NOW)).send(simpleChat()));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertTrue(failure.getMessage().startsWith("vertex_ai returned HTTP 429 RESOURCE_EXHAUSTED: Resource exhausted."), failure.getMessage());
    }

    @Test
    void mapsAnExpiredTokenAndAMissingPermission()
    {
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":generateContent", aResponse().withStatus(401).withBody("""
                {"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.","status":"UNAUTHENTICATED"}}"""));
        ProviderAdapter adapter = adapter(params(), InstantSource.fixed(NOW));
        assertEquals(ErrorKind.AUTHENTICATION, assertThrows(ProviderException.class, () -> adapter.send(simpleChat())).kind());

        upstream.resetAll();
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":generateContent", aResponse().withStatus(403).withBody("""
                {"error":{"code":403,"message":"Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/my-project-123/locations/europe-west4/publishers/google/models/gemini-2.5-pro' (or it may not exist).","status":"PERMISSION_DENIED"}}"""));
        assertEquals(ErrorKind.PERMISSION_DENIED, assertThrows(ProviderException.class, () -> adapter.send(simpleChat())).kind());
    }

    @Test
    void neverShowsTheAccessTokenAnErrorEchoes()
    {
        stubToken("ya29.first-token", 3599);
        stubVertex(MODEL_PATH + ":generateContent", aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(GeminiBodies.error(401, "Invalid Credentials: Bearer ya29.first-token", "UNAUTHENTICATED", "[]")));

        ProviderException failure = assertThrows(ProviderException.class, () -> adapter(params(), InstantSource.fixed(NOW)).send(simpleChat()));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        assertFalse(failure.getMessage().contains("ya29.first-token"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Invalid Credentials: Bearer "), failure.getMessage());
    }

    // --- embeddings

    @Test
    void embedsWithPredict()
    {
        stubToken("ya29.first-token", 3599);
        String path = "/v1/projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/google/models/text-embedding-005:predict";
        stubVertex(path, ok("""
                {"predictions":[
                   {"embeddings":{"statistics":{"truncated":false,"token_count":3},"values":[0.25,-0.5]}},
                   {"embeddings":{"statistics":{"truncated":false,"token_count":5},"values":[-0.125,0.75]}}],
                 "metadata":{"billableCharacterCount":27}}"""));

        ProviderResponse.Complete complete = (ProviderResponse.Complete) adapter("text-embedding-005", params(), InstantSource.fixed(NOW))
                .send(TestRequests.request(Endpoint.EMBEDDINGS, "{\"model\":\"my-group\",\"input\":[\"hello\",\"hello world\"],\"dimensions\":2}", 99));

        upstream.verify(postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer ya29.first-token"))
                .withRequestBody(equalToJson("""
                        {"instances":[{"content":"hello"},{"content":"hello world"}],"parameters":{"outputDimensionality":2}}""")));
        assertEquals(json("""
                {"object":"list","data":[
                   {"object":"embedding","index":0,"embedding":[0.25,-0.5]},
                   {"object":"embedding","index":1,"embedding":[-0.125,0.75]}],
                 "model":"text-embedding-005","usage":{"prompt_tokens":8,"total_tokens":8}}"""), json(complete.body()));
        assertEquals(Usage.of(8, 0), complete.usage());
    }

    // --- configuration

    @Test
    void buildsTheRegionalAndTheGlobalUrls()
    {
        ProviderContext context = context(InstantSource.fixed(NOW));
        Map<String, Object> regional = new HashMap<>(params());
        regional.remove("api_base");
        regional.put("vertex_location", "us-east5");
        Map<String, Object> global = new HashMap<>(regional);
        global.put("vertex_location", "global");

        VertexAiApi regionalApi = VertexAiApi.from(TestRequests.deployment("vertex_ai", MODEL, regional), context, name -> null);
        VertexAiApi globalApi = VertexAiApi.from(TestRequests.deployment("vertex_ai", MODEL, global), context, name -> null);
        VertexAiApi tuned = VertexAiApi.from(TestRequests.deployment("vertex_ai", "gemini/4965075652664360960", regional), context, name -> null);

        assertEquals("https://us-east5-aiplatform.googleapis.com/v1/projects/my-project-123/locations/us-east5/publishers/google/models/"
                + "gemini-2.5-pro:generateContent", regionalApi.generateContent(false).toString());
        assertEquals("https://aiplatform.googleapis.com/v1/projects/my-project-123/locations/global/publishers/google/models/"
                + "gemini-2.5-pro:streamGenerateContent?alt=sse", globalApi.generateContent(true).toString());
        assertEquals("https://us-east5-aiplatform.googleapis.com/v1/projects/my-project-123/locations/us-east5/endpoints/"
                + "4965075652664360960:generateContent", tuned.generateContent(false).toString());
    }

    @Test
    void readsCredentialsFromAFileAMappingOrTheEnvironmentWithLiteLlmsFallbacks()
            throws IOException
    {
        Path keyFile = temporary.resolve("service-account.json");
        Files.writeString(keyFile, serviceAccountJson());
        ProviderContext context = context(InstantSource.fixed(NOW));
        String expected = "https://europe-west1-aiplatform.googleapis.com/v1/projects/from-key-file/locations/europe-west1/publishers/"
                + "google/models/gemini-2.5-pro:generateContent";
        UnaryOperator<String> environment = name -> switch (name) {
            case "VERTEXAI_LOCATION" -> "europe-west1";
            case "VERTEXAI_CREDENTIALS" -> keyFile.toString();
            default -> null;
        };

        // the project comes from the key's project_id, the location from VERTEXAI_LOCATION
        VertexAiApi fromFile = VertexAiApi.from(TestRequests.deployment("vertex_ai", MODEL, Map.of("vertex_credentials", keyFile.toString())),
                context, environment);
        Map<String, Object> mapping = Json.MAPPER.convertValue(json(serviceAccountJson()), LinkedHashMap.class);
        VertexAiApi fromMapping = VertexAiApi.from(TestRequests.deployment("vertex_ai", MODEL, Map.of("vertex_credentials", mapping)),
                context, environment);
        VertexAiApi fromEnvironment = VertexAiApi.from(TestRequests.deployment("vertex_ai", MODEL, Map.of()), context, environment);

        assertEquals(expected, fromFile.generateContent(false).toString());
        assertEquals(expected, fromMapping.generateContent(false).toString());
        assertEquals(expected, fromEnvironment.generateContent(false).toString());
    }

    @Test
    void refusesMissingOrBrokenCredentialsWithoutEchoingThem()
    {
        ProviderContext context = context(InstantSource.fixed(NOW));

        ConfigException missing = assertThrows(ConfigException.class, () -> new VertexAiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("vertex_ai", MODEL, Map.of("vertex_project", PROJECT)), context));
        assertEquals("model_list[0].litellm_params.vertex_credentials", missing.key());

        String broken = serviceAccountJson().replace("\"private_key\":", "\"private_key_broken\":").replace("\"type\"", "\"typo\"");
        ConfigException notServiceAccount = assertThrows(ConfigException.class, () -> new VertexAiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("vertex_ai", MODEL, Map.of("vertex_credentials", broken)), context));
        assertTrue(notServiceAccount.getMessage().contains("service_account"), notServiceAccount.getMessage());

        String noKey = serviceAccountJson().replace("\"private_key\":", "\"private_key_broken\":");
        ConfigException withoutKey = assertThrows(ConfigException.class, () -> new VertexAiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("vertex_ai", MODEL, Map.of("vertex_credentials", noKey)), context));
        assertTrue(withoutKey.getMessage().contains("'private_key'"), withoutKey.getMessage());

        String garbledKey = serviceAccountJson().replace("MII", "!!!");
        ConfigException unreadable = assertThrows(ConfigException.class, () -> new VertexAiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("vertex_ai", MODEL, Map.of("vertex_credentials", garbledKey)), context));
        String keyMaterial = ACCOUNT.privateKeyPem().lines().skip(2).findFirst().orElseThrow();
        for (ConfigException failure : List.of(missing, notServiceAccount, withoutKey, unreadable)) {
            assertFalse(failure.getMessage().contains(keyMaterial), failure.getMessage());
        }
    }

    @Test
    void refusesPartnerModelsItCannotTranslate()
    {
        ConfigException failure = assertThrows(ConfigException.class, () -> new VertexAiAdapterFactory(name -> null, countingUuids())
                .create(TestRequests.deployment("vertex_ai", "claude-sonnet-4@20250514", params()), context(InstantSource.fixed(NOW))));

        assertEquals("model_list[0].litellm_params.model", failure.key());
    }

    @Test
    void neverShowsCredentialsInToString()
    {
        ProviderAdapter adapter = adapter(params(), InstantSource.fixed(NOW));

        assertFalse(adapter.toString().contains("PRIVATE KEY"), adapter.toString());
        assertTrue(adapter.toString().contains(CLIENT_EMAIL), adapter.toString());
    }

    // --- helpers

    private Map<String, Object> params()
    {
        Map<String, Object> params = new HashMap<>();
        params.put("vertex_project", PROJECT);
        params.put("vertex_location", LOCATION);
        params.put("vertex_credentials", serviceAccountJson());
        params.put("api_base", upstream.baseUrl());
        return params;
    }

    private static String serviceAccountJson()
    {
        return ACCOUNT.json(upstream.baseUrl() + "/token");
    }

    private static ProviderAdapter adapter(Map<String, Object> params, InstantSource clock)
    {
        return adapter(MODEL, params, clock);
    }

    private static ProviderAdapter adapter(String model, Map<String, Object> params, InstantSource clock)
    {
        return new VertexAiAdapterFactory(name -> null, countingUuids()).create(TestRequests.deployment("vertex_ai", model, params), context(clock));
    }

    private static ProviderContext context(InstantSource clock)
    {
        return new ProviderContext(upstream.client(), clock, false);
    }

    private static ProviderRequest simpleChat()
    {
        return TestRequests.chat("{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    private static void stubToken(String accessToken, long expiresIn)
    {
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(tokenResponse(accessToken, expiresIn)));
    }

    private static ResponseDefinitionBuilder tokenResponse(String accessToken, long expiresIn)
    {
        return ok("{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}");
    }

    private static void stubVertex(String path, ResponseDefinitionBuilder response)
    {
        upstream.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    private static List<String> authorizations()
    {
        return upstream.findAll(postRequestedFor(urlEqualTo(MODEL_PATH + ":generateContent"))).stream()
                .map(request -> request.getHeader("Authorization"))
                .toList();
    }

    private static Map<String, String> form(String body)
    {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static ResponseDefinitionBuilder ok(String body)
    {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private static String answer()
    {
        return """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi from Vertex."}]},"finishReason":"STOP","avgLogprobs":-0.21}],
                 "usageMetadata":{"promptTokenCount":6,"candidatesTokenCount":4,"totalTokenCount":10,"trafficType":"ON_DEMAND"},
                 "modelVersion":"gemini-2.5-pro","createTime":"2026-11-21T10:00:00.120184Z","responseId":"vx-1"}""";
    }
}
