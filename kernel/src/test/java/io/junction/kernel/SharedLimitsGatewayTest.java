package io.junction.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.junction.kernel.config.ConfigLoader;
import io.junction.kernel.router.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits shared through Redis by gateways in one JVM, and a gateway that loses its Redis under load: a private
 * {@code redis-server} (never the shared one on 6379) is killed and started again while requests keep coming.
 */
class SharedLimitsGatewayTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path plugins;

    @BeforeAll
    static void pluginJar()
            throws IOException
    {
        TestPluginJars.write(plugins, "scripted-plugin", "io.junction.kernel.testplugin.ScriptedPlugin", "io/junction/kernel/testplugin");
    }

    @Test
    void twoGatewaysOnOneRedisHoldTheLimitTogether()
            throws Exception
    {
        TestClock clock = new TestClock("2026-11-22T10:00:30Z");
        String config = """
                model_list:
                  - {model_name: shared, litellm_params: {model: scripted/a, behaviour: answer}, model_info: {id: shared-a}, rpm: 4}
                  - {model_name: shared, litellm_params: {model: scripted/b, behaviour: answer}, model_info: {id: shared-b}, rpm: 6}
                router_settings:
                  redis_host: 127.0.0.1
                  redis_port: 6379
                  redis_key_prefix: %s
                """.formatted("junction-test-" + UUID.randomUUID());
        try (Gateway one = start(config, clock); Gateway two = start(config, clock)) {
            int ok = 0;
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = chat(i % 2 == 0 ? one : two, "shared");
                if (response.statusCode() == 200) {
                    ok++;
                }
                else {
                    assertEquals(429, response.statusCode(), response.body());
                    assertEquals("30", response.headers().firstValue("retry-after").orElseThrow());
                }
            }
            assertEquals(10, ok, "4 + 6 for the fleet, not per gateway");
            JsonNode shared = readiness(one).path("shared_state");
            assertEquals("redis", shared.path("backend").asText());
            assertEquals("closed", shared.path("state").asText());
        }
    }

    @Test
    void requestsKeepFlowingWhileRedisIsDownAndTheBreakerClosesWhenItIsBack()
            throws Exception
    {
        int port = freePort();
        Process redis = startRedis(port);
        String config = """
                model_list:
                  - {model_name: busy, litellm_params: {model: scripted/a, behaviour: answer}, model_info: {id: busy-a}, rpm: 10000000}
                  - {model_name: busy, litellm_params: {model: scripted/b, behaviour: answer}, model_info: {id: busy-b}, rpm: 10000000}
                router_settings:
                  redis_host: 127.0.0.1
                  redis_port: %d
                  redis_timeout_ms: 50
                """.formatted(port);
        ConcurrentLinkedQueue<long[]> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        try (Gateway gateway = Gateway.start(ConfigLoader.parse(config, "outage test", Map.of()), new ServerSettings("127.0.0.1", 0, plugins, Duration.ofSeconds(5)))) {
            awaitState(gateway, state -> state.equals("closed"));
            for (int c = 0; c < 4; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    // bounded: at most 20 000 requests per client, and the test stops them once done
                    for (int i = 0; i < 20_000 && running.get(); i++) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = chat(gateway, "busy").statusCode();
                        }
                        catch (IOException | InterruptedException e) {
                            status = -1;
                        }
                        results.add(new long[] {status, System.nanoTime() - start});
                    }
                }));
            }
            awaitRequests(results, 200);

            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            JsonNode open = awaitState(gateway, state -> state.equals("open") || state.equals("half_open"));
            int sentBeforeRestart = results.size();
            awaitRequests(results, sentBeforeRestart + 300);
            assertTrue(open.path("local_decisions").asLong() > 0 || readiness(gateway).path("shared_state").path("local_decisions").asLong() > 0);

            redis = startRedis(port);
            JsonNode closed = awaitState(gateway, state -> state.equals("closed"));
            int sentAfterRestart = results.size();
            awaitRequests(results, sentAfterRestart + 200);
            running.set(false);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(30));
            }

            assertTrue(closed.path("transitions").asLong() >= 3, closed.toString());
            long failed = results.stream().filter(result -> result[0] != 200).count();
            assertEquals(0, failed, "no request may fail because Redis went away");
            long slowest = results.stream().mapToLong(result -> result[1]).max().orElseThrow();
            // generous: a request pays at most one command timeout (50 ms) before the breaker opens
            assertTrue(slowest < TimeUnit.SECONDS.toNanos(2), "slowest request took " + slowest / 1_000_000 + " ms");
            JsonNode after = readiness(gateway).path("shared_state");
            assertTrue(after.path("shared_reservations").asLong() > 0, after.toString());
        }
        finally {
            running.set(false);
            redis.destroyForcibly();
        }
    }

    private static Gateway start(String config, TestClock clock)
    {
        return Gateway.start(ConfigLoader.parse(config, "shared limits test", Map.of()), new ServerSettings("127.0.0.1", 0, plugins, Duration.ofSeconds(5)),
                clock);
    }

    private static Process startRedis(int port)
            throws IOException, InterruptedException
    {
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return redis;
            }
            catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        redis.destroyForcibly();
        throw new AssertionError("redis-server did not listen on " + port);
    }

    /** Polls readiness (an event to wait for, not a time) until the breaker is in a state the test expects. */
    private static JsonNode awaitState(Gateway gateway, Predicate<String> expected)
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode shared = null;
        while (System.nanoTime() < deadline) {
            shared = readiness(gateway).path("shared_state");
            if (expected.test(shared.path("state").asText())) {
                return shared;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the breaker did not reach the expected state: " + shared);
    }

    private static void awaitRequests(ConcurrentLinkedQueue<long[]> results, int count)
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (results.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + results.size() + " requests were answered");
            }
            Thread.onSpinWait();
        }
    }

    private static JsonNode readiness(Gateway gateway)
            throws IOException, InterruptedException
    {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/health/readiness")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> chat(Gateway gateway, String model)
            throws IOException, InterruptedException
    {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
