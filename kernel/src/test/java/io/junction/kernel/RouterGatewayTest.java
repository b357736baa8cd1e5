package io.junction.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.junction.kernel.config.ConfigLoader;
import io.junction.kernel.router.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The router through the whole gateway: rpm quotas, upstream 429s, 5xx, timeouts and refused connections (real HTTP
 * to WireMock through the kernel's upstream client), fallbacks, pre-call checks and the headers that report them.
 * The gateway runs on a clock the test holds still, so no minute or cooldown ends mid-test.
 */
class RouterGatewayTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OK_BODY = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"healthy-upstream-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    @TempDir
    static Path plugins;

    private static WireMockServer upstream;
    private static Gateway gateway;
    private static final TestClock CLOCK = new TestClock("2026-11-22T10:00:05Z");

    @BeforeAll
    static void start()
            throws IOException
    {
        upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/limited/chat/completions"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("{\"error\":{\"message\":\"slow down\"}}")));
        upstream.stubFor(post(urlEqualTo("/healthy/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK_BODY)));
        upstream.stubFor(post(urlEqualTo("/error500/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        upstream.stubFor(post(urlEqualTo("/slow/chat/completions"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody(OK_BODY)));
        String base = "http://127.0.0.1:" + upstream.port();
        String refused = "http://127.0.0.1:" + closedPort();

        TestPluginJars.write(plugins, "scripted-plugin", "io.junction.kernel.testplugin.ScriptedPlugin", "io/junction/kernel/testplugin");
        String config = """
                model_list:
                  - model_name: quota
                    litellm_params: {model: scripted/q1, behaviour: answer}
                    model_info: {id: q1}
                    rpm: 5
                  - model_name: quota
                    litellm_params: {model: scripted/q2, behaviour: answer, rpm: 3}
                    model_info: {id: q2}
                  - model_name: limited-upstream
                    litellm_params: {model: scripted/l1, behaviour: http, api_base: "%1$s/limited"}
                    model_info: {id: limited}
                  - model_name: limited-upstream
                    litellm_params: {model: scripted/l2, behaviour: http, api_base: "%1$s/healthy"}
                    model_info: {id: healthy}
                  - model_name: broken-upstream
                    litellm_params: {model: scripted/b1, behaviour: http, api_base: "%1$s/error500"}
                    model_info: {id: error500}
                  - model_name: broken-upstream
                    litellm_params: {model: scripted/b2, behaviour: http, api_base: "%1$s/slow", timeout: 0.3}
                    model_info: {id: slow}
                  - model_name: broken-upstream
                    litellm_params: {model: scripted/b3, behaviour: http, api_base: "%2$s"}
                    model_info: {id: refused}
                  - model_name: broken-upstream
                    litellm_params: {model: scripted/b4, behaviour: http, api_base: "%1$s/healthy"}
                    model_info: {id: good}
                  - model_name: primary
                    litellm_params: {model: scripted/primary-model, behaviour: server-error}
                    model_info: {id: primary-1}
                  - model_name: backup
                    litellm_params: {model: scripted/backup-model, behaviour: answer}
                    model_info: {id: backup-1}
                  - model_name: stream-primary
                    litellm_params: {model: scripted/sp, behaviour: first-chunk-fails}
                    model_info: {id: sp}
                  - model_name: stream-backup
                    litellm_params: {model: scripted/sb, behaviour: answer}
                    model_info: {id: sb}
                  - model_name: short-context
                    litellm_params: {model: scripted/short, behaviour: answer}
                    model_info: {id: short, max_input_tokens: 5}
                  - model_name: long-context
                    litellm_params: {model: scripted/long, behaviour: answer}
                    model_info: {id: long, max_input_tokens: 100000}
                  - model_name: tiny
                    litellm_params: {model: scripted/tiny, behaviour: answer}
                    model_info: {id: tiny, max_tokens: 5}
                  - model_name: picky
                    litellm_params: {model: scripted/picky, behaviour: bad-request}
                    model_info: {id: picky}
                router_settings:
                  routing_strategy: first
                  num_retries: 3
                  enable_pre_call_checks: true
                  fallbacks: [{"primary": ["backup"]}, {"stream-primary": ["stream-backup"]}, {"picky": ["backup"]}]
                  context_window_fallbacks: [{"short-context": ["long-context"]}]
                """.formatted(base, refused);
        gateway = Gateway.start(ConfigLoader.parse(config, "router test config", Map.of()), new ServerSettings("127.0.0.1", 0, plugins, Duration.ofSeconds(5)),
                CLOCK);
    }

    @AfterAll
    static void stop()
    {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    @Test
    void twoDeploymentsServeTheSumOfTheirRpmQuotasAndNoMore()
            throws Exception
    {
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = chat("quota");
            if (response.statusCode() == 200) {
                ok++;
            }
            else {
                assertEquals(429, response.statusCode(), response.body());
                assertEquals("55", response.headers().firstValue("retry-after").orElseThrow(), "seconds to the next minute");
                JsonNode error = JSON.readTree(response.body()).path("error");
                assertEquals("rate_limit_error", error.path("type").asText());
                assertTrue(error.path("message").asText().startsWith("No deployments available for selected model, Try again in 55 seconds. Passed model=quota."),
                        response.body());
                limited++;
            }
        }
        assertEquals(8, ok, "5 + 3");
        assertEquals(4, limited);
    }

    @Test
    void anUpstream429CoolsItsDeploymentDownAndTheRequestFailsOver()
            throws Exception
    {
        HttpResponse<String> first = chat("limited-upstream");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("healthy", first.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("2", first.headers().firstValue("x-junction-attempts").orElseThrow());
        assertEquals("1", first.headers().firstValue("x-litellm-attempted-retries").orElseThrow());

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> later = chat("limited-upstream");
            assertEquals(200, later.statusCode());
            assertEquals("1", later.headers().firstValue("x-junction-attempts").orElseThrow(), "the cooling deployment is not tried");
        }
        upstream.verify(1, postRequestedFor(urlEqualTo("/limited/chat/completions")));
    }

    @Test
    void serverErrorsTimeoutsAndRefusedConnectionsFailOver()
            throws Exception
    {
        HttpResponse<String> response = chat("broken-upstream");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("good", response.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("4", response.headers().firstValue("x-junction-attempts").orElseThrow(), "500, timeout, refused, then the good one");
        assertEquals("3", response.headers().firstValue("x-litellm-attempted-retries").orElseThrow());
        assertEquals("healthy-upstream-model", JSON.readTree(response.body()).path("model").asText());
    }

    @Test
    void aFailingGroupFallsBackAndTheAnswerKeepsTheFallbacksModel()
            throws Exception
    {
        HttpResponse<String> response = chat("primary");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("backup-1", response.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("backup", response.headers().firstValue("x-litellm-model-group").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-litellm-attempted-fallbacks").orElseThrow());
        assertEquals("backup-model", JSON.readTree(response.body()).path("model").asText());
    }

    @Test
    void aStreamFailsOverWhenItBreaksBeforeItsFirstByte()
            throws Exception
    {
        HttpResponse<String> response = send(chatBody("stream-primary").replace("{", "{\"stream\":true,"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("sb", response.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-litellm-attempted-fallbacks").orElseThrow());
        assertTrue(response.body().contains("answer"), response.body());
        assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
    }

    @Test
    void aBadRequestIsNeitherRetriedNorSentToAFallback()
            throws Exception
    {
        HttpResponse<String> response = chat("picky");

        assertEquals(400, response.statusCode());
        assertEquals("1", response.headers().firstValue("x-junction-attempts").orElseThrow());
        assertEquals("0", response.headers().firstValue("x-litellm-attempted-fallbacks").orElseThrow());
    }

    @Test
    void preCallChecksSendALongPromptToTheContextWindowFallbackOrAnswer400()
            throws Exception
    {
        HttpResponse<String> fallback = chat("short-context");
        assertEquals(200, fallback.statusCode(), fallback.body());
        assertEquals("long", fallback.headers().firstValue("x-litellm-model-id").orElseThrow());
        assertEquals("1", fallback.headers().firstValue("x-junction-attempts").orElseThrow(), "the short deployment was never called");

        HttpResponse<String> tooLong = chat("tiny");
        assertEquals(400, tooLong.statusCode());
        JsonNode error = JSON.readTree(tooLong.body()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertEquals("context_length_exceeded", error.path("code").asText());
        assertEquals("messages", error.path("param").asText());
        assertTrue(error.path("message").asText().contains("No models have context window large enough for this call"), tooLong.body());
    }

    @Test
    void readinessShowsTheSharedStateAndTheRoutersCounters()
            throws Exception
    {
        HttpResponse<String> readiness = HTTP.send(HttpRequest.newBuilder(uri("/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());

        JsonNode status = JSON.readTree(readiness.body());
        assertEquals("local", status.path("shared_state").path("backend").asText(), readiness.body());
        assertTrue(status.path("router").has("retry_budget_exhausted"), readiness.body());
        assertTrue(status.path("router").has("cooldowns_started"), readiness.body());
    }

    private static HttpResponse<String> chat(String model)
            throws IOException, InterruptedException
    {
        return send(chatBody(model));
    }

    private static String chatBody(String model)
    {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there, how long is this prompt?\"}]}";
    }

    private static HttpResponse<String> send(String body)
            throws IOException, InterruptedException
    {
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path)
    {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private static int closedPort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
