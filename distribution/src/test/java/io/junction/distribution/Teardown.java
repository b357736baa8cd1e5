package io.junction.distribution;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;

/** Stops what a test class started, in order, each one even when another fails to stop. */
final class Teardown
{
    private Teardown() {}

    /**
     * Stops each resource in the order given; a null one (a setup that failed before making it) is skipped. The first
     * failure is thrown once all were tried, any later ones suppressed in it.
     */
    static void stopInOrder(Object... resources)
            throws Exception
    {
        Throwable failure = null;
        for (Object resource : resources) {
            try {
                stop(resource);
            }
            catch (Exception | Error e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (Exception) failure;
        }
    }

    private static void stop(Object resource)
            throws Exception
    {
        switch (resource) {
            case null -> {}
            case AutoCloseable closeable -> closeable.close();
            // neither is AutoCloseable
            case OpenAIClient client -> client.close();
            case WireMockServer server -> server.stop();
            default -> throw new IllegalArgumentException("cannot stop a " + resource.getClass().getName());
        }
    }
}
