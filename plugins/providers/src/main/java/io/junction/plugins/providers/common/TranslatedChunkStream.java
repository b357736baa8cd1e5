package io.junction.plugins.providers.common;

import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Usage;
import io.junction.spi.provider.UpstreamStream;

import java.util.ArrayDeque;

/**
 * A provider stream translated into OpenAI chunks. A subclass reads one native event at a time and emits zero or more
 * chunks for it; this class hands them out one by one, appends the usage chunk when the client asked for
 * {@code stream_options.include_usage}, and turns an end without the provider's own end marker into an error, so a
 * cut stream never looks complete.
 */
public abstract class TranslatedChunkStream
        implements ChunkStream
{
    private final UpstreamStream upstream;
    private final boolean includeUsage;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>(4);
    private boolean nativeEnded;
    private boolean finished;
    private boolean closed;

    protected TranslatedChunkStream(UpstreamStream upstream, boolean includeUsage)
    {
        this.upstream = upstream;
        this.includeUsage = includeUsage;
    }

    /**
     * Reads the next native event and {@link #emit}s its chunks.
     *
     * @return false when the upstream body has ended (cleanly or not: {@link #completed()} tells)
     */
    protected abstract boolean readEvent();

    /** Whether the provider sent its own end-of-stream marker (Anthropic's message_stop, a finish reason...). */
    protected abstract boolean completed();

    /** The stream's token counts as the provider reported them; {@link Usage#UNKNOWN} until it did. */
    protected abstract Usage reportedUsage();

    /** The OpenAI chunk that carries {@code usage}, for {@code include_usage}. */
    protected abstract byte[] usageChunk(Usage usage);

    /** The provider's name for errors ("anthropic"). */
    protected abstract String provider();

    protected final void emit(byte[] chunk)
    {
        pending.add(chunk);
    }

    protected final UpstreamStream upstream()
    {
        return upstream;
    }

    @Override
    public final byte[] next()
    {
        while (pending.isEmpty() && !nativeEnded) {
            if (!readEvent()) {
                nativeEnded = true;
                if (!completed()) {
                    throw UpstreamErrors.streamCut(provider());
                }
                Usage usage = reportedUsage();
                if (includeUsage && usage.known()) {
                    pending.add(usageChunk(usage));
                }
            }
        }
        byte[] chunk = pending.poll();
        if (chunk == null) {
            finished = true;
        }
        return chunk;
    }

    @Override
    public final Usage usage()
    {
        return finished ? reportedUsage() : Usage.UNKNOWN;
    }

    @Override
    public final void close()
    {
        if (!closed) {
            closed = true;
            upstream.close();
        }
    }
}
