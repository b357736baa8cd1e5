package io.junction.plugins.providers.anthropic;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anthropic's error answers (https://docs.anthropic.com/en/api/errors) as the anthropic adapter reports them. */
class AnthropicErrorsTest
        extends AnthropicWireMockTest
{
    @Test
    void mapsAnInvalidRequest()
    {
        ProviderException failure = failureFor(error(400, "invalid_request_error", "max_tokens: Field required"));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals(400, failure.upstreamStatus());
        assertEquals("invalid_request_error", failure.code().orElseThrow());
        assertEquals("anthropic returned HTTP 400: max_tokens: Field required", failure.getMessage());
    }

    @Test
    void mapsAPromptThatIsTooLongToContextWindowExceeded()
    {
        ProviderException failure = failureFor(error(400, "invalid_request_error", "prompt is too long: 208310 tokens > 200000 maximum"));

        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, failure.kind());
        assertEquals("context_length_exceeded", failure.code().orElseThrow());
        assertTrue(failure.getMessage().contains("208310 tokens > 200000 maximum"), failure.getMessage());
    }

    @Test
    void mapsAnAuthenticationErrorAndNeverShowsTheKeyItEchoes()
    {
        ProviderException failure = failureFor(error(401, "authentication_error", "invalid x-api-key: " + API_KEY));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind());
        assertFalse(failure.getMessage().contains(API_KEY), failure.getMessage());
        assertTrue(failure.getMessage().contains("invalid x-api-key: ****"), failure.getMessage());
    }

    @Test
    void mapsPermissionNotFoundAndRequestTooLarge()
    {
        assertEquals(ErrorKind.PERMISSION_DENIED,
                failureFor(error(403, "permission_error", "Your API key does not have permission to use the specified resource.")).kind());
        upstream.resetAll();
        ProviderException notFound = failureFor(error(404, "not_found_error", "model: claude-nope"));
        assertEquals(ErrorKind.NOT_FOUND, notFound.kind());
        assertEquals("not_found_error", notFound.code().orElseThrow());
        upstream.resetAll();
        assertEquals(ErrorKind.REQUEST_TOO_LARGE,
                failureFor(error(413, "request_too_large", "Request exceeds the maximum allowed number of bytes.")).kind());
    }

    @Test
    void mapsARateLimitWithRetryAfterAndRateLimitHeaders()
    {
        ProviderException failure = failureFor(error(429, "rate_limit_error",
                "This request would exceed the rate limit for your organization of 50,000 input tokens per minute.")
                .withHeader("retry-after", "17")
                .withHeader("anthropic-ratelimit-input-tokens-remaining", "0")
                .withHeader("anthropic-ratelimit-input-tokens-reset", "2026-11-21T10:00:17Z")
                .withHeader("anthropic-ratelimit-requests-remaining", "49"));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
        assertTrue(failure.kind().retryable());
        assertEquals(Duration.ofSeconds(17), failure.retryAfter().orElseThrow());
        assertEquals(Map.of("retry-after", "17", "anthropic-ratelimit-input-tokens-remaining", "0",
                "anthropic-ratelimit-input-tokens-reset", "2026-11-21T10:00:17Z", "anthropic-ratelimit-requests-remaining", "49",
                "x-ratelimit-remaining-requests", "49"), failure.headers());
    }

    @Test
    void mapsAnApiErrorAsARetryableServerError()
    {
        ProviderException failure = failureFor(error(500, "api_error", "Internal server error"));

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
        assertTrue(failure.kind().retryable());
    }

    @Test
    void mapsOverloadedAsUnavailable()
    {
        ProviderException failure = failureFor(error(529, "overloaded_error", "Overloaded"));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertEquals(529, failure.upstreamStatus());
        assertTrue(failure.kind().retryable());
    }

    @Test
    void mapsANonJsonBadGatewayWithoutEchoingIt()
    {
        String html = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(50_000) + "</body></html>";

        ProviderException failure = failureFor(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertEquals("anthropic returned HTTP 502", failure.getMessage());
    }

    @Test
    void reportsABrokenSuccessBodyAsAServerError()
    {
        ProviderException failure = failureFor(ok("{\"id\": \"msg_1\", \"content\": [{\"type\": \"te"));

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
    }

    private static ProviderException failureFor(ResponseDefinitionBuilder response)
    {
        stubMessages(response);
        return failure(adapter(), chat(""));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message)
    {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("request-id", "req_018EeWyXxfu5pfWkrYcMdjWG")
                .withBody(AnthropicBodies.error(type, message));
    }
}
