package io.junction.plugins.providers.anthropic;

import io.junction.plugins.providers.TestRequests;
import io.junction.spi.ConfigException;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import org.junit.jupiter.api.Test;

import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.junction.plugins.providers.anthropic.AnthropicBodies.textMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anthropic deployment's litellm_params: key, base URL, headers, defaults. */
class AnthropicConfigurationTest
        extends AnthropicWireMockTest
{
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @Test
    void declaresChatCompletionsOnlyAndTheApiKeyAsSecret()
    {
        ProviderAdapterFactory factory = new AnthropicAdapterFactory();

        assertEquals("anthropic", factory.name());
        assertEquals(Set.of("anthropic"), factory.modelPrefixes());
        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS), factory.endpoints());
        assertTrue(factory.streams());
        assertEquals(Set.of("api_key"), factory.secretKeys());
    }

    @Test
    void requiresAKeyNamingTheParameterAndTheEnvironmentVariable()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create(Map.of("api_base", upstream.baseUrl()), NO_ENVIRONMENT));

        assertEquals("model_list[0].litellm_params.api_key", failure.key());
        assertTrue(failure.getMessage().contains("ANTHROPIC_API_KEY"), failure.getMessage());
    }

    @Test
    void takesTheKeyAndBaseFromTheEnvironmentWhenTheConfigHasNone()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));
        Map<String, String> environment = Map.of("ANTHROPIC_API_KEY", "sk-ant-from-env", "ANTHROPIC_API_BASE", upstream.baseUrl() + "/");

        complete(create(Map.of(), environment::get), chat(""));

        upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withHeader("x-api-key", equalTo("sk-ant-from-env")));
    }

    @Test
    void prefersTheConfiguredKeyToTheEnvironment()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(create(Map.of("api_key", API_KEY, "api_base", upstream.baseUrl()), name -> "sk-ant-from-env"), chat(""));

        upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void acceptsABaseWithOrWithoutTheMessagesPath()
    {
        for (String base : new String[] {upstream.baseUrl(), upstream.baseUrl() + "/", upstream.baseUrl() + "/v1", upstream.baseUrl() + "/v1/messages"}) {
            upstream.resetAll();
            stubMessages(ok(textMessage("Hi!", "end_turn")));

            complete(create(Map.of("api_key", API_KEY, "api_base", base), NO_ENVIRONMENT), chat(""));

            upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
        }
    }

    @Test
    void defaultsToAnthropicsOwnHost()
    {
        AnthropicSettings settings = AnthropicSettings.from(deployment(Map.of("api_key", API_KEY)), NO_ENVIRONMENT);

        assertEquals("https://api.anthropic.com/v1/messages", settings.messagesUri().toString());
        assertEquals(4096, settings.defaultMaxTokens());
    }

    @Test
    void sendsExtraHeadersButNeverLetsThemReplaceTheKey()
    {
        stubMessages(ok(textMessage("Hi!", "end_turn")));

        complete(create(Map.of("api_key", API_KEY, "api_base", upstream.baseUrl(),
                "extra_headers", Map.of("anthropic-beta", "output-128k-2025-02-19", "X-Api-Key", "other")), NO_ENVIRONMENT), chat(""));

        upstream.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withHeader("anthropic-beta", equalTo("output-128k-2025-02-19"))
                .withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void refusesAnApiBaseThatIsNotAnHttpUrl()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create(Map.of("api_key", API_KEY, "api_base", "api.anthropic.com"), NO_ENVIRONMENT));

        assertEquals("model_list[0].litellm_params.api_base", failure.key());
        assertTrue(failure.getMessage().contains("Fix:"), failure.getMessage());
    }

    @Test
    void refusesANonPositiveDefaultMaxTokens()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create(Map.of("api_key", API_KEY, "max_tokens", 0), NO_ENVIRONMENT));

        assertEquals("model_list[0].litellm_params.max_tokens", failure.key());
    }

    @Test
    void neverShowsTheKeyInToString()
    {
        ProviderAdapter adapter = create(Map.of("api_key", API_KEY), NO_ENVIRONMENT);

        assertFalse(adapter.toString().contains(API_KEY), adapter.toString());
        assertTrue(adapter.toString().contains("api.anthropic.com"), adapter.toString());
    }

    private static ProviderAdapter create(Map<String, ?> params, UnaryOperator<String> environment)
    {
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(NOW), false);
        return new AnthropicAdapterFactory(environment).create(deployment(params), context);
    }

    private static DeploymentSpec deployment(Map<String, ?> params)
    {
        return TestRequests.deployment("anthropic", MODEL, params);
    }
}
