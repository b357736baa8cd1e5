package io.junction.distribution;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway processes of the distribution share one Redis (the local one, under a key prefix of their own) and
 * hold two deployments' rpm quotas together: of ~600 requests sent to both within one UTC minute, exactly the sum of
 * the quotas reach the upstream (WireMock, through the openai provider), and every other caller gets a 429 with
 * Retry-After.
 */
class SharedRedisLimitsIT
{
    private static final String MASTER_KEY = "sk-junction-e2e-shared-limits";
    private static final int RPM_PER_DEPLOYMENT = 100;
    private static final int REQUESTS = 600;
    private static final String COMPLETION = """
            {"id":"chatcmpl-shared","object":"chat.completion","created":1741569952,"model":"upstream-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}""";

    @Test
    void twoProcessesHoldTheRpmQuotasTogether()
            throws Exception
    {
        WireMockServer upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(COMPLETION)));
        Path work = Distribution.newWorkDirectory("shared-redis-limits");
        String apiBase = "http://127.0.0.1:" + upstream.port() + "/v1";
        Path config = Files.writeString(work.resolve("config.yaml"), """
                model_list:
                  - model_name: limited
                    litellm_params: {model: openai/upstream-model, api_base: %1$s, api_key: sk-upstream-a, rpm: %2$d}
                    model_info: {id: limited-a}
                  - model_name: limited
                    litellm_params: {model: openai/upstream-model, api_base: %1$s, api_key: sk-upstream-b, rpm: %2$d}
                    model_info: {id: limited-b}
                  - model_name: warm-up
                    litellm_params: {model: openai/upstream-model, api_base: %1$s, api_key: sk-upstream-c}
                router_settings:
                  redis_host: 127.0.0.1
                  redis_port: 6379
                  redis_key_prefix: junction-e2e-%3$s
                  # CI's two cores run both gateways, WireMock and the clients at once: a scheduling stall of the
                  # default 50 ms would be taken for a slow Redis and send an instance to its local share
                  redis_timeout_ms: 250
                general_settings:
                  master_key: %4$s
                """.formatted(apiBase, RPM_PER_DEPLOYMENT, UUID.randomUUID(), MASTER_KEY));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (JunctionProcess one = JunctionProcess.builder(Distribution.home()).config(config).logFile(work.resolve("one.log")).start();
                JunctionProcess two = JunctionProcess.builder(Distribution.home()).config(config).logFile(work.resolve("two.log")).start()) {
            // freshly started JVMs are slow until their code paths are compiled: warm both up on an unlimited group
            List<Future<HttpResponse<String>>> warmUp = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                warmUp.add(senders.submit(send(http, i % 2 == 0 ? one : two, "warm-up")));
            }
            for (Future<HttpResponse<String>> answer : warmUp) {
                assertEquals(200, answer.get().statusCode());
            }
            upstream.resetRequests();
            awaitFreshMinute();
            long startMinute = Instant.now().getEpochSecond() / 60;
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(senders.submit(send(http, i % 2 == 0 ? one : two, "limited")));
            }
            int succeeded = 0;
            int limited = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    succeeded++;
                    continue;
                }
                assertEquals(429, response.statusCode(), response.body());
                long retryAfter = Long.parseLong(response.headers().firstValue("retry-after").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
                assertTrue(response.body().contains("No deployments available for selected model"), response.body());
                limited++;
            }
            long endMinute = Instant.now().getEpochSecond() / 60;

            assertEquals(startMinute, endMinute, "the burst must fit one UTC minute for the count below to hold");
            assertEquals(2 * RPM_PER_DEPLOYMENT, succeeded, "the fleet's quota, not each process's");
            assertEquals(REQUESTS - succeeded, limited);
            upstream.verify(succeeded, postRequestedFor(urlEqualTo("/v1/chat/completions")));
            String readiness = http.send(HttpRequest.newBuilder(one.uri("/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(readiness.contains("\"backend\":\"redis\"") && readiness.contains("\"state\":\"closed\""), readiness);
        }
        finally {
            senders.shutdownNow();
            http.close();
            upstream.stop();
        }
    }

    private static java.util.concurrent.Callable<HttpResponse<String>> send(HttpClient http, JunctionProcess gateway, String model)
    {
        return () -> http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + MASTER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the start of a UTC minute when fewer than 20 s of the current one remain, so the burst fits one window. */
    private static void awaitFreshMinute()
            throws InterruptedException
    {
        long secondOfMinute = Instant.now().getEpochSecond() % 60;
        if (secondOfMinute > 40) {
            Thread.sleep(Duration.ofSeconds(60 - secondOfMinute).plusMillis(200));
        }
    }
}
