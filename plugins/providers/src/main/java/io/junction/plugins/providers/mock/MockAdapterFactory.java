package io.junction.plugins.providers.mock;

import io.junction.plugins.providers.common.DeclaredAdapterFactory;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;

import java.util.Set;

/**
 * The {@code mock} provider, LiteLLM's {@code mock_response}: the kernel picks it for a deployment whose
 * {@code litellm_params} set {@code mock_response}, or whose model is {@code mock/<name>}. No network is used.
 * <p>
 * {@code litellm_params}: {@code mock_response} (the text to answer, or a LiteLLM exception name such as
 * {@code litellm.RateLimitError} to fail with), {@code mock_delay} (seconds to wait before answering),
 * {@code mock_embedding_dimensions} (default 1536).
 */
public final class MockAdapterFactory
        extends DeclaredAdapterFactory
{
    public static final String NAME = "mock";

    public MockAdapterFactory()
    {
        super(NAME, Set.of("mock"), Set.of(Endpoint.values()), Set.of("api_key"));
    }

    @Override
    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
    {
        return new MockAdapter(MockSettings.from(deployment.params()), context.clock(), MockAdapter.Sleeper.THREAD, MockAdapter::randomId);
    }
}
