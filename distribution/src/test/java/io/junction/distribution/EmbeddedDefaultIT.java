package io.junction.distribution;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/junction} with no options at all, as the README's first command runs it: the embedded default
 * configuration (mock models, no network, no key) and the distribution's own plugins.
 */
class EmbeddedDefaultIT
{
    @Test
    void answersFromTheMockModelAndCountsTheRequestInMetrics()
            throws IOException, InterruptedException
    {
        Path work = Distribution.newWorkDirectory("embedded-default");
        try (JunctionProcess gateway = JunctionProcess.builder(Distribution.home()).logFile(work.resolve("junction.log")).start()) {
            OpenAIClient client = OpenAIOkHttpClient.builder()
                    .baseUrl(gateway.openAiBaseUrl())
                    .apiKey("no-key-is-configured")
                    .maxRetries(0)
                    .build();
            ChatCompletion completion;
            try {
                completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                        .model("junction-mock")
                        .addUserMessage("Hello")
                        .build());
            }
            finally {
                client.close();
            }
            // for the closing note, not an assertion: it depends on the machine
            long startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - gateway.startedAtNanos());
            System.out.printf("startup to first answer: %d ms%n", startupMillis);

            assertEquals(mockResponseOfTheShippedDefault(), completion.choices().getFirst().message().content().orElseThrow());

            HttpResponse<String> metrics;
            try (HttpClient http = HttpClient.newHttpClient()) {
                metrics = http.send(HttpRequest.newBuilder(gateway.uri("/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.body().contains("junction_requests_total"), metrics.body());
        }
    }

    /**
     * The {@code mock_response} of {@code junction-mock} in the distribution's {@code config/default.yaml}: the
     * gateway answering it proves the embedded default and the shipped copy are the same configuration.
     */
    private static String mockResponseOfTheShippedDefault()
            throws IOException
    {
        String yaml = Files.readString(Distribution.home().resolve("config/default.yaml"));
        Matcher matcher = Pattern.compile("model_name: junction-mock\\s+litellm_params:(?:\\s+\\w+: .*)*?\\s+mock_response: \"([^\"]*)\"").matcher(yaml);
        assertTrue(matcher.find(), "config/default.yaml has no mock_response for junction-mock:\n" + yaml);
        return matcher.group(1);
    }
}
