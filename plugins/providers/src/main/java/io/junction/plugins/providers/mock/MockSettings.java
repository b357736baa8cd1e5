package io.junction.plugins.providers.mock;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code litellm_params} of a mock deployment.
 *
 * @param response {@code mock_response}: the text every answer carries
 * @param error set when {@code mock_response} names a LiteLLM exception: every request then fails with it
 * @param delay {@code mock_delay}: how long to wait before answering (before the first chunk of a stream)
 * @param embeddingDimensions {@code mock_embedding_dimensions}: the vector size when the request sets none
 */
record MockSettings(String response, Optional<MockError> error, Duration delay, int embeddingDimensions)
{
    static final String DEFAULT_RESPONSE = "This is a mock response from Junction.";
    static final int DEFAULT_EMBEDDING_DIMENSIONS = 1536;
    static final int MAX_EMBEDDING_DIMENSIONS = 16_384;

    MockSettings
    {
        Objects.requireNonNull(response, "response is null");
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(delay, "delay is null");
    }

    static MockSettings from(ConfigView params)
    {
        String response = params.string("mock_response").orElse(DEFAULT_RESPONSE);
        Duration delay = params.seconds("mock_delay").orElse(Duration.ZERO);
        long dimensions = params.integer("mock_embedding_dimensions").orElse((long) DEFAULT_EMBEDDING_DIMENSIONS);
        if (dimensions < 1 || dimensions > MAX_EMBEDDING_DIMENSIONS) {
            String key = params.keyPath("mock_embedding_dimensions");
            throw new ConfigException(key, "must be between 1 and " + MAX_EMBEDDING_DIMENSIONS + " but was " + dimensions
                    + ". Fix: set " + key + " to the size of the vectors to return, e.g. 1536.");
        }
        return new MockSettings(response, MockError.named(response), delay, (int) dimensions);
    }
}
