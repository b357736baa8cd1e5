package io.junction.plugins.providers.gemini;

import io.junction.spi.ConfigView;

import java.net.URI;
import java.util.Objects;

/**
 * Where the requests of one Gemini model go, on AI Studio and Vertex alike: the model's URL followed by the method.
 *
 * @param embeddingsApi the format {@code embeddings} takes
 */
record GeminiModelUrls(URI generateContent, URI streamGenerateContent, URI embeddings, GeminiEmbeddings.Api embeddingsApi)
{
    GeminiModelUrls
    {
        Objects.requireNonNull(generateContent, "generateContent is null");
        Objects.requireNonNull(streamGenerateContent, "streamGenerateContent is null");
        Objects.requireNonNull(embeddings, "embeddings is null");
        Objects.requireNonNull(embeddingsApi, "embeddingsApi is null");
    }

    /**
     * @param modelUrl the URL up to the model ({@code .../models/gemini-2.5-flash}), made from {@code api_base}
     * @throws io.junction.spi.ConfigException naming {@code api_base}, when a URL cannot be made
     */
    static GeminiModelUrls of(String modelUrl, GeminiEmbeddings.Api embeddingsApi, ConfigView params)
    {
        return new GeminiModelUrls(GeminiConfig.uri(modelUrl + ":generateContent", params),
                GeminiConfig.uri(modelUrl + ":streamGenerateContent?alt=sse", params),
                GeminiConfig.uri(modelUrl + ":" + embeddingsApi.method(), params), embeddingsApi);
    }

    /** {@code :generateContent}, or {@code :streamGenerateContent?alt=sse} for a stream. */
    URI generateContent(boolean stream)
    {
        return stream ? streamGenerateContent : generateContent;
    }
}
