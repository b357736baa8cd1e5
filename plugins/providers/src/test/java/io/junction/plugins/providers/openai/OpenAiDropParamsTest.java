package io.junction.plugins.providers.openai;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.plugins.providers.TestRequests;
import io.junction.plugins.providers.WireMockUpstream;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameters OpenAI-compatible providers refuse, per their documentation: a 400 naming them unless
 * {@code drop_params} is on, then a body re-written without them; and the client's bytes untouched otherwise.
 */
class OpenAiDropParamsTest
{
    private static final String PATH = "/v1/chat/completions";
    private static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    @BeforeEach
    void answerEveryRequest()
    {
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(ANSWER)));
    }

    @Test
    void refusesWhatGroqRefusesNamingTheParameterAndTheFix()
    {
        String body = "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logprobs\":true,\"top_logprobs\":2}";

        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter("groq", "llama-3.3-70b-versatile", Map.of(), false).send(TestRequests.chat(body)));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("logprobs", failure.param().orElseThrow());
        assertTrue(failure.getMessage().contains("groq does not support parameters: [logprobs, top_logprobs]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("drop_params: true"), failure.getMessage());
        assertEquals(0, upstream.findAll(postRequestedFor(anyUrl())).size(), "nothing is sent upstream");
    }

    @Test
    void dropsWhatGroqRefusesWhenDropParamsIsOn()
    {
        String body = "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logit_bias\":{\"50256\":-100},"
                + "\"n\":3,\"temperature\":0.5}";

        adapter("groq", "llama-3.3-70b-versatile", Map.of(), true).send(TestRequests.chat(body));

        upstream.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.5}")));
    }

    @Test
    void dropsWhenTheDeploymentOrTheRequestSaysSo()
    {
        String body = "{\"model\":\"g\",\"messages\":[],\"logprobs\":true,\"drop_params\":true}";

        adapter("groq", "llama-3.1-8b-instant", Map.of(), false).send(TestRequests.chat(body));
        adapter("groq", "llama-3.1-8b-instant", Map.of("drop_params", true), false)
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[],\"top_logprobs\":1}"));

        List<LoggedRequest> sent = upstream.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertEquals(2, sent.size());
        // drop_params is LiteLLM's own key: never sent to a provider
        assertEquals("{\"model\":\"llama-3.1-8b-instant\",\"messages\":[]}", sent.get(0).getBodyAsString());
        assertEquals("{\"model\":\"llama-3.1-8b-instant\",\"messages\":[]}", sent.get(1).getBodyAsString());
    }

    @Test
    void letsGroqHaveTheOneCompletionItTakesAndNothingNested()
    {
        // n = 1 is accepted; "logprobs" as a tool's parameter name is not a top-level parameter
        String body = "{\"model\":\"g\",\"n\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{\"logprobs\":{\"type\":\"boolean\"}}}}}]}";

        adapter("groq", "llama-3.3-70b-versatile", Map.of(), false).send(TestRequests.chat(body));

        assertEquals(body.replace("\"g\"", "\"llama-3.3-70b-versatile\""), upstream.onlyRequest().getBodyAsString(), "byte for byte");
    }

    @Test
    void refusesMoreThanOneCompletionOnGroq()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter("groq", "llama-3.3-70b-versatile", Map.of(), false)
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[],\"n\":2}")));

        assertEquals("n", failure.param().orElseThrow());
    }

    @Test
    void renamesWhatMistralNamesOtherwise()
    {
        String body = "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"seed\":42,\"max_completion_tokens\":100}";

        adapter("mistral", "mistral-large-latest", Map.of(), false).send(TestRequests.chat(body));

        upstream.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"model\":\"mistral-large-latest\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"random_seed\":42,\"max_tokens\":100}")));
    }

    @Test
    void refusesLogitBiasOnMistral()
    {
        ProviderException failure = assertThrows(ProviderException.class, () -> adapter("mistral", "mistral-small-latest", Map.of(), false)
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[],\"logit_bias\":{\"1\":5}}")));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertTrue(failure.getMessage().contains("mistral does not support parameters: [logit_bias]"), failure.getMessage());
    }

    @Test
    void refusesLogprobsOnDeepSeekReasonerOnly()
    {
        String body = "{\"model\":\"g\",\"messages\":[],\"logprobs\":true}";

        adapter("deepseek", "deepseek-chat", Map.of(), false).send(TestRequests.chat(body));
        ProviderException failure = assertThrows(ProviderException.class,
                () -> adapter("deepseek", "deepseek-reasoner", Map.of(), false).send(TestRequests.chat(body)));

        assertEquals(body.replace("\"g\"", "\"deepseek-chat\""), upstream.onlyRequest().getBodyAsString());
        assertEquals("logprobs", failure.param().orElseThrow());
    }

    @Test
    void openAiAcceptsEverythingButRemovesAdditionalDropParams()
    {
        String accepted = "{\"model\":\"g\",\"messages\":[],\"logprobs\":true,\"top_logprobs\":3,\"logit_bias\":{\"1\":5},\"n\":4}";
        adapter("openai", "gpt-4o", Map.of(), false).send(TestRequests.chat(accepted));
        assertEquals(accepted.replace("\"g\"", "\"gpt-4o\""), upstream.onlyRequest().getBodyAsString());

        upstream.server().resetRequests();
        adapter("openai", "gpt-4o", Map.of("additional_drop_params", List.of("user", "service_tier")), false)
                .send(TestRequests.chat("{\"model\":\"g\",\"messages\":[],\"user\":\"u-1\",\"service_tier\":\"flex\",\"seed\":7}"));
        upstream.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"model\":\"gpt-4o\",\"messages\":[],\"seed\":7}")));
    }

    @Test
    void dropsAndAsksForUsageInOneRewrite()
    {
        String body = "{\"model\":\"g\",\"messages\":[],\"stream\":true,\"logprobs\":true}";
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: [DONE]\n\n")));

        ProviderResponse response = adapter("groq", "llama-3.3-70b-versatile", Map.of(), true).send(TestRequests.chat(body));
        assertInstanceOf(ProviderResponse.Streaming.class, response).chunks().close();

        upstream.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"model\":\"llama-3.3-70b-versatile\","
                + "\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":true}}")));
    }

    private static ProviderAdapter adapter(String prefix, String model, Map<String, ?> params, boolean dropParams)
    {
        Map<String, Object> withBase = new HashMap<>(params);
        withBase.put("api_base", upstream.baseUrl() + "/v1");
        ProviderContext context = new ProviderContext(upstream.client(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")), dropParams);
        return new OpenAiAdapterFactory().create(TestRequests.deployment(prefix, model, withBase), context);
    }

}
