package io.junction.plugins.providers;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.junction.tck.http.JdkUpstreamClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A WireMock server standing in for a provider, and the upstream client an adapter reaches it with (the one the
 * provider kit uses): started once per test class, its stubs and recorded requests cleared before each test.
 * <pre>{@code
 * @RegisterExtension
 * static final WireMockUpstream upstream = new WireMockUpstream();
 * }</pre>
 */
public final class WireMockUpstream
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback
{
    private WireMockServer server;
    private JdkUpstreamClient client;

    @Override
    public void beforeAll(ExtensionContext context)
    {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        client = new JdkUpstreamClient();
    }

    @Override
    public void afterAll(ExtensionContext context)
    {
        client.close();
        server.stop();
        client = null;
        server = null;
    }

    @Override
    public void beforeEach(ExtensionContext context)
    {
        server.resetAll();
    }

    public WireMockServer server()
    {
        return server;
    }

    /** The client to put in an adapter's {@code ProviderContext}. */
    public JdkUpstreamClient client()
    {
        return client;
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl()
    {
        return server.baseUrl();
    }

    public StubMapping stubFor(MappingBuilder mapping)
    {
        return server.stubFor(mapping);
    }

    public void verify(RequestPatternBuilder pattern)
    {
        server.verify(pattern);
    }

    public void verify(int count, RequestPatternBuilder pattern)
    {
        server.verify(count, pattern);
    }

    public List<LoggedRequest> findAll(RequestPatternBuilder pattern)
    {
        return server.findAll(pattern);
    }

    /** Forgets stubs and requests in the middle of a test, as before each one. */
    public void resetAll()
    {
        server.resetAll();
    }

    /** Every request received since the last reset, in order. */
    public List<LoggedRequest> requests()
    {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** The one request received since the last reset; fails when there were more or none. */
    public LoggedRequest onlyRequest()
    {
        return only(requests(), "requests");
    }

    /** The one request to {@code url} (path and query); fails when there were more or none. */
    public LoggedRequest onlyRequestTo(String url)
    {
        return only(server.findAll(anyRequestedFor(urlEqualTo(url))), "requests to " + url);
    }

    private static LoggedRequest only(List<LoggedRequest> requests, String what)
    {
        assertEquals(1, requests.size(), what);
        return requests.getFirst();
    }

    @Override
    public String toString()
    {
        return "WireMockUpstream[" + (server == null ? "stopped" : server.baseUrl()) + "]";
    }
}
