package io.junction.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.junction.kernel.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel end to end: a plugin jar loaded through PF4J, a real Jetty server on a free port, and plain HTTP calls.
 */
class GatewayTest
{
    private static final String MASTER_KEY = "sk-test-master";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path plugins;

    private static Gateway gateway;

    @BeforeAll
    static void start()
            throws IOException
    {
        TestPluginJars.write(plugins, "scripted-plugin", "io.junction.kernel.testplugin.ScriptedPlugin", "io/junction/kernel/testplugin");
        TestPluginJars.writeBroken(plugins, "broken-plugin");
        TestPluginJars.writeWithoutManifest(plugins, "just-a-library");
        String config = """
                model_list:
                  - model_name: chat
                    litellm_params: {model: scripted/alpha, behaviour: answer}
                    model_info: {id: alpha}
                  - model_name: failover
                    litellm_params: {model: scripted/down, behaviour: unavailable}
                    model_info: {id: down}
                  - model_name: failover
                    litellm_params: {model: scripted/up, behaviour: answer}
                    model_info: {id: up}
                  - model_name: rejected
                    litellm_params: {model: scripted/x, behaviour: unauthorized}
                    model_info: {id: rejected-1}
                  - model_name: rejected
                    litellm_params: {model: scripted/y, behaviour: answer}
                    model_info: {id: rejected-2}
                  - model_name: buggy
                    litellm_params: {model: scripted/bug, behaviour: crash}
                  - model_name: cut
                    litellm_params: {model: scripted/cut, behaviour: cut-stream}
                  - model_name: isolation
                    litellm_params: {model: scripted/iso, behaviour: visibility}
                router_settings:
                  routing_strategy: first
                  num_retries: 1
                general_settings:
                  master_key: %s
                  max_request_size_mb: 0.01
                """.formatted(MASTER_KEY);
        gateway = Gateway.start(ConfigLoader.parse(config, "test config", Map.of()),
                new ServerSettings("127.0.0.1", 0, plugins, Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop()
    {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void healthEndpointsArePublicAndReportPlugins()
            throws Exception
    {
        assertEquals(200, get("/health/liveness", null).statusCode());
        HttpResponse<String> readiness = get("/health/readiness", null);
        assertEquals(200, readiness.statusCode());
        JsonNode status = JSON.readTree(readiness.body());
        assertEquals("healthy", status.path("status").asText());
        assertTrue(status.path("plugins").toString().contains("scripted-plugin@1.0.0"), readiness.body());
        assertTrue(status.path("failed_plugins").toString().contains("broken-plugin"), readiness.body());
        assertTrue(status.path("failed_plugins").toString().contains("com.example.Missing"), readiness.body());
        assertTrue(status.path("failed_plugins").toString().contains("just-a-library.jar: not a plugin: the jar has no META-INF/MANIFEST.MF"), readiness.body());
    }

    @Test
    void requestsWithoutTheMasterKeyAreRejected()
            throws Exception
    {
        HttpResponse<String> missing = post("/v1/chat/completions", chat("chat"), null);
        assertEquals(401, missing.statusCode());
        assertEquals("authentication_error", error(missing).path("type").asText());
        HttpResponse<String> wrong = post("/v1/chat/completions", chat("chat"), "sk-wrong");
        assertEquals(401, wrong.statusCode());
        assertFalse(wrong.body().contains("sk-wrong"), "the presented key must not be echoed");
        assertFalse(wrong.body().contains(MASTER_KEY));
    }

    @Test
    void listsModelGroupsWithAndWithoutTheV1Prefix()
            throws Exception
    {
        for (String path : new String[] {"/v1/models", "/models"}) {
            HttpResponse<String> response = get(path, MASTER_KEY);
            assertEquals(200, response.statusCode());
            JsonNode list = JSON.readTree(response.body());
            assertEquals("list", list.path("object").asText());
            assertTrue(response.body().contains("\"id\":\"failover\""), response.body());
            assertEquals(6, list.path("data").size());
        }
        assertEquals(404, get("/v1/models/no-such-model", MASTER_KEY).statusCode());
        assertEquals("chat", JSON.readTree(get("/v1/models/chat", MASTER_KEY).body()).path("id").asText());
    }

    @Test
    void chatCompletionCarriesGatewayHeaders()
            throws Exception
    {
        HttpResponse<String> response = post("/v1/chat/completions", chat("chat"), MASTER_KEY);
        assertEquals(200, response.statusCode());
        assertEquals("answer from alpha model alpha", JSON.readTree(response.body()).at("/choices/0/message/content").asText());
        String callId = response.headers().firstValue("x-junction-call-id").orElseThrow();
        assertEquals(callId, UUID.fromString(callId).toString());
        assertEquals(callId, response.headers().firstValue("x-litellm-call-id").orElseThrow());
        assertEquals("alpha", response.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("alpha", response.headers().firstValue("x-junction-deployment-id").orElseThrow());
        assertEquals("chat", response.headers().firstValue("x-litellm-model-group").orElseThrow());
        double overhead = Double.parseDouble(response.headers().firstValue("x-litellm-overhead-duration-ms").orElseThrow());
        assertTrue(overhead >= 0, "overhead " + overhead);
        assertEquals(response.headers().firstValue("x-litellm-overhead-duration-ms"), response.headers().firstValue("x-junction-overhead-ms"));
    }

    @Test
    void streamsChunksAndEndsWithDone()
            throws Exception
    {
        HttpResponse<String> response = post("/chat/completions", chat("chat").replace("{", "{\"stream\":true,"), MASTER_KEY);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        StringBuilder content = new StringBuilder();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                content.append(JSON.readTree(line.substring(6)).at("/choices/0/delta/content").asText());
            }
        }
        assertEquals("answer from alpha model alpha", content.toString());
        assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
    }

    @Test
    void retriesARetryableFailureOnAnotherDeployment()
            throws Exception
    {
        HttpResponse<String> response = post("/v1/chat/completions", chat("failover"), MASTER_KEY);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("up", response.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("2", response.headers().firstValue("x-junction-attempts").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-litellm-attempted-retries").orElseThrow());
    }

    @Test
    void doesNotRetryAnErrorThatAnotherAttemptCannotFix()
            throws Exception
    {
        HttpResponse<String> response = post("/v1/chat/completions", chat("rejected"), MASTER_KEY);
        assertEquals(401, response.statusCode());
        assertEquals("scripted upstream rejects the key", error(response).path("message").asText());
    }

    @Test
    void aPluginFaultBecomesACleanInternalErrorAndIsCounted()
            throws Exception
    {
        HttpResponse<String> response = post("/v1/chat/completions", chat("buggy"), MASTER_KEY);
        assertEquals(500, response.statusCode());
        JsonNode error = error(response);
        assertEquals("internal_error", error.path("type").asText());
        assertTrue(error.path("message").asText().contains("scripted-plugin"), response.body());
        assertFalse(response.body().contains("at io.junction"), "no stack trace: " + response.body());
        JsonNode faults = JSON.readTree(get("/health/readiness", null).body()).path("plugin_faults");
        assertTrue(faults.path("scripted-plugin").asLong() >= 1, faults.toString());
    }

    @Test
    void aStreamCutMidwayEndsWithAnErrorEventAndNoDone()
            throws Exception
    {
        HttpResponse<String> response = post("/v1/chat/completions", chat("cut").replace("{", "{\"stream\":true,"), MASTER_KEY);
        assertEquals(200, response.statusCode());
        String[] events = response.body().split("\n\n");
        assertEquals(2, events.length, response.body());
        assertTrue(events[0].contains("Hel"));
        JsonNode error = JSON.readTree(events[1].substring("data: ".length())).path("error");
        assertEquals("service_unavailable_error", error.path("type").asText());
        assertFalse(response.body().contains("data: [DONE]"), "a cut stream must not look finished");
    }

    @Test
    void badRequestsGetOpenAiShapedErrors()
            throws Exception
    {
        assertError(post("/v1/chat/completions", "{not json", MASTER_KEY), 400, "invalid_request_error", "not valid JSON");
        assertError(post("/v1/chat/completions", "[1,2]", MASTER_KEY), 400, "invalid_request_error", "JSON object");
        assertError(post("/v1/chat/completions", "{\"messages\":[]}", MASTER_KEY), 400, "invalid_request_error", "model parameter");
        assertError(post("/v1/chat/completions", chat("nope"), MASTER_KEY), 400, "invalid_request_error", "Invalid model name passed in model=nope");
        assertError(post("/v1/chat/completions", "{\"model\":\"chat\",\"pad\":\"" + "x".repeat(20_000) + "\"}", MASTER_KEY), 413, "invalid_request_error", "larger than the limit");
        assertError(post("/v1/completions", "{\"model\":\"chat\",\"prompt\":\"hi\"}", MASTER_KEY), 400, "invalid_request_error", "does not support /completions");
        assertError(post("/v1/nowhere", "{}", MASTER_KEY), 404, "not_found_error", "Unknown request URL");
        assertError(get("/v1/chat/completions", MASTER_KEY), 405, "invalid_request_error", "not allowed");
        assertEquals("model", error(post("/v1/chat/completions", chat("nope"), MASTER_KEY)).path("param").asText());
    }

    @Test
    void pluginsSeeTheSpiButNotTheKernelOrItsLibraries()
            throws Exception
    {
        JsonNode visible = JSON.readTree(post("/v1/chat/completions", chat("isolation"), MASTER_KEY).body());
        assertTrue(visible.path("spi").asBoolean(), visible.toString());
        assertFalse(visible.path("kernel").asBoolean(), visible.toString());
        assertFalse(visible.path("jackson").asBoolean(), visible.toString());
        assertFalse(visible.path("jetty").asBoolean(), visible.toString());
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String messagePart)
            throws IOException
    {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = error(response);
        assertEquals(type, error.path("type").asText(), response.body());
        assertTrue(error.path("message").asText().contains(messagePart), response.body());
        assertTrue(error.has("param") && error.has("code"), response.body());
    }

    private static JsonNode error(HttpResponse<String> response)
            throws IOException
    {
        return JSON.readTree(response.body()).path("error");
    }

    private static String chat(String model)
    {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";
    }

    private static HttpResponse<String> get(String path, String key)
            throws IOException, InterruptedException
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String key)
            throws IOException, InterruptedException
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path)
    {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }
}
