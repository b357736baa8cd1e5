package io.junction.kernel.upstream;

import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamTimeouts;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The upstream client speaks HTTP/2 to a provider that offers it over TLS, and HTTP/1.1 to a plain-text upstream. */
class UpstreamProtocolTest
{
    private static final String STORE_PASSWORD = "changeit";

    private Server server;
    private JettyUpstreamClient client;

    @AfterEach
    void stop()
            throws Exception
    {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void negotiatesHttp2OverTlsWhenTheUpstreamOffersIt(@TempDir Path directory)
            throws Exception
    {
        Path keyStore = selfSignedKeyStore(directory);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toString());
        tls.setKeyStorePassword(STORE_PASSWORD);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory http11 = new HttpConnectionFactory(https);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        server = new Server();
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(https), http11);
        int port = start(connector);
        client = new JettyUpstreamClient(UpstreamTimeouts.DEFAULT, new SslContextFactory.Client(true));

        assertEquals("HTTP/2.0", protocolSeenBy(URI.create("https://localhost:" + port + "/v1/chat/completions")));
    }

    @Test
    void staysOnHttp11ForAPlainTextUpstream()
            throws Exception
    {
        server = new Server();
        int port = start(new ServerConnector(server));
        client = new JettyUpstreamClient(UpstreamTimeouts.DEFAULT);

        assertEquals("HTTP/1.1", protocolSeenBy(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions")));
    }

    private String protocolSeenBy(URI uri)
    {
        UpstreamResponse response = client.send(UpstreamRequest.postJson(uri, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), UpstreamTimeouts.DEFAULT));
        assertEquals(200, response.status());
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private int start(ServerConnector connector)
            throws Exception
    {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract()
        {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
            {
                Content.Sink.write(response, true, request.getConnectionMetaData().getProtocol(), callback);
                return true;
            }
        });
        server.start();
        return connector.getLocalPort();
    }

    private static Path selfSignedKeyStore(Path directory)
            throws Exception
    {
        Path keyStore = directory.resolve("upstream.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "upstream", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return keyStore;
    }
}
