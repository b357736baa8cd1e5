package io.junction.plugins.providers;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.UpstreamTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCK's JDK client, which these tests and the provider kit rely on: its timeouts and failure kinds. Waits are
 * short but real, since they are what is under test; assertions are on kinds, never on elapsed time.
 */
class JdkUpstreamClientTest
{
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(30);

    @RegisterExtension
    static final WireMockUpstream upstream = new WireMockUpstream();

    @Test
    void returnsStatusLowerCaseHeadersAndBody()
    {
        upstream.stubFor(post(urlEqualTo("/echo")).willReturn(aResponse().withStatus(418)
                .withHeader("X-RateLimit-Remaining-Requests", "7").withBody("short and stout")));

        UpstreamResponse response = upstream.client().send(request("/echo", new UpstreamTimeouts(LONG, LONG, LONG, LONG)));

        assertEquals(418, response.status());
        assertEquals("7", response.headers().get("x-ratelimit-remaining-requests"));
        assertArrayEquals("short and stout".getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void streamsTheWholeBody()
            throws IOException
    {
        String body = "data: 1\n\n".repeat(5_000);
        upstream.stubFor(post(urlEqualTo("/stream")).willReturn(aResponse().withStatus(200).withBody(body)));

        try (UpstreamStream stream = upstream.client().open(request("/stream", new UpstreamTimeouts(LONG, LONG, LONG, LONG)))) {
            assertEquals(200, stream.status());
            assertEquals(body, new String(stream.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRefusedConnectionIsUnavailable()
            throws IOException
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UpstreamRequest request = UpstreamRequest.postJson(URI.create("http://127.0.0.1:" + closedPort + "/v1/chat/completions"),
                Map.of(), new byte[0], new UpstreamTimeouts(LONG, LONG, LONG, LONG));

        ProviderException failure = assertThrows(ProviderException.class, () -> upstream.client().send(request));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
        assertTrue(failure.getMessage().contains("127.0.0.1:" + closedPort), failure.getMessage());
    }

    @Test
    void lateResponseHeadersTimeOut()
    {
        upstream.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        ProviderException failure = assertThrows(ProviderException.class,
                () -> upstream.client().send(request("/slow", new UpstreamTimeouts(LONG, SHORT, LONG, LONG))));

        assertEquals(ErrorKind.TIMEOUT, failure.kind());
    }

    @Test
    void aStreamThatFallsSilentTimesOut()
    {
        upstream.stubFor(post(urlEqualTo("/dribble")).willReturn(aResponse().withStatus(200)
                .withBody("data: 1\n\ndata: 2\n\ndata: 3\n\n").withChunkedDribbleDelay(3, 3_000)));

        ProviderException failure = assertThrows(ProviderException.class, () -> {
            try (UpstreamStream stream = upstream.client().open(request("/dribble", new UpstreamTimeouts(LONG, LONG, SHORT, LONG)))) {
                stream.body().readAllBytes();
            }
        });

        assertEquals(ErrorKind.TIMEOUT, failure.kind());
        assertTrue(failure.getMessage().contains("idle"), failure.getMessage());
    }

    @Test
    void theFirstByteTimeoutEndsWithTheHeaders()
            throws IOException
    {
        // headers with the first chunk after 500 ms, the body until 3 s: longer than the first-byte timeout
        String body = "data: 1\n\n".repeat(6);
        upstream.stubFor(post(urlEqualTo("/steady")).willReturn(aResponse().withStatus(200).withBody(body).withChunkedDribbleDelay(6, 3_000)));

        try (UpstreamStream stream = upstream.client().open(request("/steady", new UpstreamTimeouts(LONG, Duration.ofMillis(1_500), LONG, LONG)))) {
            assertEquals(body, new String(stream.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aStreamThatOutlastsTheTotalTimeoutTimesOut()
    {
        // WireMock sends the headers with the first chunk: one every 500 ms, for 10 s
        upstream.stubFor(post(urlEqualTo("/long")).willReturn(aResponse().withStatus(200)
                .withBody("data: 1\n\n".repeat(20)).withChunkedDribbleDelay(20, 10_000)));

        ProviderException failure = assertThrows(ProviderException.class, () -> {
            try (UpstreamStream stream = upstream.client().open(request("/long", new UpstreamTimeouts(LONG, LONG, LONG, Duration.ofMillis(1_500))))) {
                stream.body().readAllBytes();
            }
        });

        assertEquals(ErrorKind.TIMEOUT, failure.kind());
        assertTrue(failure.getMessage().contains("total"), failure.getMessage());
    }

    private static UpstreamRequest request(String path, UpstreamTimeouts timeouts)
    {
        return UpstreamRequest.postJson(URI.create(upstream.baseUrl() + path), Map.of("authorization", "Bearer k"),
                "{}".getBytes(StandardCharsets.UTF_8), timeouts);
    }
}
