package io.junction.tck.provider;

import io.junction.spi.ErrorKind;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the provider's upstream says, in the provider's NATIVE format: a plugin's test implements this so that the
 * provider kit's fake upstream can answer the adapter as the real provider would. The kit then checks that the
 * adapter turns each answer into OpenAI's format (or into the right {@code ProviderException}).
 * <p>
 * Write each answer as the provider's API reference shows it: the status, the headers that matter (content type,
 * retry-after) and the body. Methods for endpoints the provider does not serve keep their default, which throws.
 */
public interface UpstreamScript
{
    /** A whole (non-streamed) chat answer whose text is {@code text}, ending normally, with its token counts. */
    NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens);

    /**
     * A whole streamed chat answer: one event (or line, or frame) per piece, in order, then whatever the provider
     * sends at the end (a finish reason, usage, a terminal marker). The content type is the provider's.
     */
    NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens);

    /**
     * The provider's error answer for {@code kind}: the status the provider uses for it, and an error body whose
     * message is {@code message} (the kit may put the deployment's API key in it, as some providers echo it).
     *
     * @param retryAfter when present, how long the provider tells callers to wait (a {@code retry-after} header, or
     *        wherever the provider says it); only asked when the test declares {@link ProviderCapability#RETRY_AFTER}
     */
    NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter);

    /** A whole legacy text completion ({@code /v1/completions}) whose text is {@code text}. */
    default NativeResponse nativeTextCompletion(String text, long promptTokens, long completionTokens)
    {
        throw notScripted("nativeTextCompletion", ProviderCapability.COMPLETIONS);
    }

    /** The embedding of a single input: {@code vector}, for {@code promptTokens} input tokens. */
    default NativeResponse nativeEmbedding(float[] vector, long promptTokens)
    {
        throw notScripted("nativeEmbedding", ProviderCapability.EMBEDDINGS);
    }

    /**
     * A whole chat answer in which the model calls one tool.
     *
     * @param callId the id the provider gives the call
     * @param argumentsJson the call's arguments as a JSON object
     */
    default NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
    {
        throw notScripted("nativeToolCall", ProviderCapability.TOOLS);
    }

    private static UnsupportedOperationException notScripted(String method, ProviderCapability capability)
    {
        return new UnsupportedOperationException("the UpstreamScript does not implement " + method + ", which the kit needs because the test declares "
                + capability + ": implement it, or remove " + capability + " from capabilities()");
    }
}
