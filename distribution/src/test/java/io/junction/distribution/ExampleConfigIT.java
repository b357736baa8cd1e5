package io.junction.distribution;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.models.Model;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The shipped {@code config/example.yaml} loads as written (with its environment variables set), so the example
 * users start from cannot rot. No request reaches a real provider.
 */
class ExampleConfigIT
{
    private static final String MASTER_KEY = "sk-junction-e2e-example-master";

    @Test
    void theShippedExampleStartsAndServesItsModelGroups()
    {
        Path work = Distribution.newWorkDirectory("example-config");
        try (JunctionProcess gateway = JunctionProcess.builder(Distribution.home())
                .config(Distribution.home().resolve("config/example.yaml"))
                .environment("OPENAI_API_KEY", "sk-e2e-not-a-real-openai-key")
                // nothing listens on port 9 (discard): the example must load without reaching Azure
                .environment("AZURE_API_BASE", "http://127.0.0.1:9")
                .environment("AZURE_API_KEY", "e2e-not-a-real-azure-key")
                .environment("JUNCTION_MASTER_KEY", MASTER_KEY)
                .logFile(work.resolve("junction.log"))
                .start()) {
            OpenAIClient client = client(gateway, MASTER_KEY);
            OpenAIClient wrongKey = client(gateway, "sk-not-the-master-key");
            try {
                Set<String> groups = client.models().list().data().stream().map(Model::id).collect(Collectors.toSet());

                assertEquals(Set.of("gpt-4o", "local-llama", "text-embedding-3-small"), groups);
                // the master key came from os.environ/JUNCTION_MASTER_KEY, not from the literal text
                assertThrows(UnauthorizedException.class, () -> wrongKey.models().list());
                assertFalse(gateway.log().contains(MASTER_KEY), "the master key must never be logged");
            }
            finally {
                client.close();
                wrongKey.close();
            }
        }
    }

    private static OpenAIClient client(JunctionProcess gateway, String apiKey)
    {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.openAiBaseUrl()).apiKey(apiKey).maxRetries(0).build();
    }
}
