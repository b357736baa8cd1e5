package io.junction.spi.provider;

import java.util.Map;
import java.util.Objects;

/** What a provider adapter answers, already in OpenAI's wire format. */
public sealed interface ProviderResponse
{
    /** Headers to pass on to the client, such as the provider's rate-limit figures; never auth headers. */
    Map<String, String> headers();

    /**
     * A whole response.
     *
     * @param body the OpenAI JSON body ({@code chat.completion}, {@code text_completion} or an embedding list)
     * @param usage the token counts, {@link Usage#UNKNOWN} if the provider did not report them
     */
    record Complete(byte[] body, Usage usage, Map<String, String> headers)
            implements ProviderResponse
    {
        public Complete
        {
            Objects.requireNonNull(body, "body is null");
            Objects.requireNonNull(usage, "usage is null");
            headers = Map.copyOf(headers);
        }

        public Complete(byte[] body, Usage usage)
        {
            this(body, usage, Map.of());
        }
    }

    /** A stream of {@code chat.completion.chunk}s (or text completion chunks), pulled by the kernel. */
    record Streaming(ChunkStream chunks, Map<String, String> headers)
            implements ProviderResponse
    {
        public Streaming
        {
            Objects.requireNonNull(chunks, "chunks is null");
            headers = Map.copyOf(headers);
        }

        public Streaming(ChunkStream chunks)
        {
            this(chunks, Map.of());
        }
    }
}
