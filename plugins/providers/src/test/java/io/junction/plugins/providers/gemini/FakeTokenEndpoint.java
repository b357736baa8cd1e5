package io.junction.plugins.providers.gemini;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static io.junction.plugins.providers.JsonText.quote;

/**
 * Google's OAuth token endpoint, played on the loopback interface beside the provider kit's fake upstream (which
 * answers every path alike): every {@code POST /token} gets the same access token, valid for an hour.
 */
final class FakeTokenEndpoint
        implements AutoCloseable
{
    private final HttpServer server;

    private FakeTokenEndpoint(HttpServer server)
    {
        this.server = server;
    }

    static FakeTokenEndpoint start(String accessToken)
    {
        byte[] answer = ("{\"access_token\":" + quote(accessToken) + ",\"expires_in\":3599,\"token_type\":\"Bearer\"}").getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/token", exchange -> {
                try (exchange; OutputStream body = exchange.getResponseBody()) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                    exchange.sendResponseHeaders(200, answer.length);
                    body.write(answer);
                }
            });
            server.start();
            return new FakeTokenEndpoint(server);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake token endpoint", e);
        }
    }

    String tokenUri()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
