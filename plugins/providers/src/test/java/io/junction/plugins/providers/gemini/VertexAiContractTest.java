package io.junction.plugins.providers.gemini;

import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.UpstreamScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.junction.plugins.providers.JsonText.numbers;

/**
 * The vertex_ai adapter against the TCK's provider contract. Vertex takes no API key: a service account's key is
 * exchanged for an access token at the key's {@code token_uri}, here a fake endpoint that hands out the kit's key as
 * the token, so the kit's secret rules check the credential that actually goes upstream. What Vertex serves is what
 * Gemini serves.
 */
class VertexAiContractTest
        extends GeminiContractTest
{
    private static final TestServiceAccount ACCOUNT = TestServiceAccount.generate();

    private FakeTokenEndpoint tokens;

    @BeforeEach
    void startTokenEndpoint()
    {
        tokens = FakeTokenEndpoint.start(apiKey());
    }

    @AfterEach
    void stopTokenEndpoint()
    {
        tokens.close();
    }

    @Override
    protected ProviderAdapterFactory factory()
    {
        // no environment: VERTEXAI_* and GOOGLE_APPLICATION_CREDENTIALS must not stand in for what the kit configures
        return new VertexAiAdapterFactory(name -> null, UUID::randomUUID);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new VertexAiScript());
    }

    @Override
    protected String upstreamModel()
    {
        return "gemini-2.5-pro";
    }

    @Override
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("api_base", fakeBase.toString());
        params.put("vertex_project", "my-project-123");
        params.put("vertex_location", "europe-west4");
        params.put("vertex_credentials", ACCOUNT.json(tokens.tokenUri()));
        return params;
    }

    @Override
    protected Set<String> requiredParams()
    {
        return Set.of("vertex_credentials");
    }

    /** Gemini's format; embeddings through Vertex's {@code predict}, and its 401 for a token it refuses. */
    private static final class VertexAiScript
            extends GeminiScript
    {
        @Override
        NativeResponse authenticationError(String message)
        {
            return error(401, message, "UNAUTHENTICATED", "[]");
        }

        @Override
        public NativeResponse nativeEmbedding(float[] vector, long promptTokens)
        {
            return NativeResponse.json(200, "{\"predictions\":[{\"embeddings\":{\"statistics\":{\"truncated\":false,\"token_count\":" + promptTokens
                    + "},\"values\":" + numbers(vector) + "}}],\"metadata\":{\"billableCharacterCount\":51}}");
        }
    }
}
