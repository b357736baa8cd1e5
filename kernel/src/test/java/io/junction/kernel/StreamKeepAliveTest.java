package io.junction.kernel;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream whose first token is slow gets SSE comment lines while it waits, so idle proxies keep the connection; the
 * chunks and the end that follow are unchanged, and a failure after a keep-alive is reported inside the stream.
 */
class StreamKeepAliveTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path plugins;

    private static Gateway gateway;

    @BeforeAll
    static void start()
            throws IOException
    {
        TestPluginJars.write(plugins, "scripted-plugin", "io.junction.kernel.testplugin.ScriptedPlugin", "io/junction/kernel/testplugin");
        String config = """
                model_list:
                  - model_name: thinker
                    litellm_params: {model: scripted/slow, behaviour: slow-first-chunk, first_chunk_delay_ms: 400}
                  - model_name: quick
                    litellm_params: {model: scripted/quick, behaviour: answer}
                  - model_name: thinks-then-fails
                    litellm_params: {model: scripted/broken, behaviour: slow-then-fails, first_chunk_delay_ms: 400}
                router_settings:
                  routing_strategy: first
                """;
        gateway = Gateway.start(ConfigLoader.parse(config, "test config", Map.of()),
                new ServerSettings("127.0.0.1", 0, plugins, Duration.ofSeconds(5), Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop()
    {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aSlowFirstTokenIsPrecededByKeepAliveComments()
            throws Exception
    {
        HttpResponse<String> response = stream("thinker");

        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.startsWith(": keep-alive\n\n"), body);
        assertTrue(body.indexOf(": keep-alive") < body.indexOf("data: "), "comments come before the first chunk: " + body);
        assertTrue(body.contains("\"content\":\"thought\""), body);
        assertTrue(body.endsWith("data: [DONE]\n\n"), body);
    }

    @Test
    void aQuickFirstTokenGetsNoComment()
            throws Exception
    {
        HttpResponse<String> response = stream("quick");

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains(": keep-alive"), response.body());
    }

    @Test
    void aFailureAfterAKeepAliveIsReportedInsideTheStream()
            throws Exception
    {
        HttpResponse<String> response = stream("thinks-then-fails");

        assertEquals(200, response.statusCode(), "the status went out with the first keep-alive");
        String body = response.body();
        assertTrue(body.startsWith(": keep-alive"), body);
        assertTrue(body.contains("data: {\"error\""), body);
        assertFalse(body.contains("[DONE]"), "a failed stream never ends cleanly: " + body);
    }

    private static HttpResponse<String> stream(String model)
            throws IOException, InterruptedException
    {
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"think\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
