package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.TestRequests;
import io.junction.spi.ConfigException;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the openai adapter sends requests for each prefix, and the configuration it refuses. */
class OpenAiConfigurationTest
{
    @ParameterizedTest
    @CsvSource({
            "openai, https://api.openai.com/v1/chat/completions",
            "text-completion-openai, https://api.openai.com/v1/chat/completions",
            "groq, https://api.groq.com/openai/v1/chat/completions",
            "together_ai, https://api.together.xyz/v1/chat/completions",
            "deepseek, https://api.deepseek.com/v1/chat/completions",
            "mistral, https://api.mistral.ai/v1/chat/completions",
            "openrouter, https://openrouter.ai/api/v1/chat/completions",
            "fireworks_ai, https://api.fireworks.ai/inference/v1/chat/completions",
    })
    void usesTheDefaultApiBaseOfEachPrefix(String prefix, String expectedUri)
    {
        RecordingUpstream upstream = new RecordingUpstream();

        create(prefix, Map.of("api_key", "k"), upstream).send(TestRequests.chat("{\"model\":\"g\",\"messages\":[]}"));

        assertEquals(URI.create(expectedUri), upstream.requests.getFirst().uri());
    }

    @Test
    void anApiBaseOverridesTheDefaultAndLosesItsTrailingSlash()
    {
        RecordingUpstream upstream = new RecordingUpstream();

        create("groq", Map.of("api_base", "http://localhost:8000/v1/"), upstream).send(TestRequests.chat("{\"model\":\"g\"}"));

        assertEquals(URI.create("http://localhost:8000/v1/chat/completions"), upstream.requests.getFirst().uri());
        assertFalse(upstream.requests.getFirst().headers().containsKey("authorization"));
    }

    @Test
    void hostedVllmRequiresAnApiBase()
    {
        ConfigException failure = assertThrows(ConfigException.class, () -> create("hosted_vllm", Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.api_base", failure.key());
        assertTrue(failure.getMessage().contains("Fix: set model_list[0].litellm_params.api_base"), failure.getMessage());
    }

    @Test
    void refusesAnApiBaseThatIsNotAnHttpUrl()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create("openai", Map.of("api_base", "localhost:8000/v1"), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.api_base", failure.key());
        assertTrue(failure.getMessage().contains("'localhost:8000/v1'"), failure.getMessage());
    }

    @Test
    void refusesExtraHeadersThatAreNotAMapping()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create("openai", Map.of("extra_headers", List.of("X-A: b")), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.extra_headers", failure.key());
    }

    private static ProviderAdapter create(String prefix, Map<String, ?> params, UpstreamClient upstream)
    {
        return new OpenAiAdapterFactory().create(TestRequests.deployment(prefix, "some-model", params),
                new ProviderContext(upstream, InstantSource.system(), false));
    }

    /** Stands in for the network to a hosted provider, which a test cannot reach. */
    private static final class RecordingUpstream
            implements UpstreamClient
    {
        private final List<UpstreamRequest> requests = new java.util.ArrayList<>();

        @Override
        public UpstreamResponse send(UpstreamRequest request)
        {
            requests.add(request);
            return new UpstreamResponse(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public UpstreamStream open(UpstreamRequest request)
        {
            throw new UnsupportedOperationException("not used here");
        }
    }
}
