package io.junction.plugins.providers.gemini;

import io.junction.spi.Secret;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Where and how one deployment reaches Gemini: Google AI Studio with an API key, or Vertex AI with a service
 * account's access token. The translation of requests and answers is the same for both.
 */
interface GeminiApi
{
    /** Where the deployment's model is reached. */
    GeminiModelUrls urls();

    /** {@code :generateContent}, or {@code :streamGenerateContent?alt=sse} for a stream. */
    default URI generateContent(boolean stream)
    {
        return urls().generateContent(stream);
    }

    /** Where {@code /embeddings} requests go, in the format {@link #embeddingsApi()} names. */
    default URI embeddings()
    {
        return urls().embeddings();
    }

    default GeminiEmbeddings.Api embeddingsApi()
    {
        return urls().embeddingsApi();
    }

    /**
     * The headers of one request, credentials included: a call may have to fetch a fresh access token first.
     *
     * @throws io.junction.spi.provider.ProviderException when the credentials cannot be had
     */
    Map<String, String> headers();

    /** The deployment's secrets as of now (a service account's current access token included), to redact from error messages. */
    List<Secret> secrets();
}
