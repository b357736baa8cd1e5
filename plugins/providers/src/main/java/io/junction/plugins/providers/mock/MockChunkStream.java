package io.junction.plugins.providers.mock;

import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.Usage;

import java.util.List;

/** Hands out chunks built in advance: a mock answer is small, and its text is known before the first chunk. */
final class MockChunkStream
        implements ChunkStream
{
    private final List<byte[]> chunks;
    private final Usage usage;
    private int next;

    MockChunkStream(List<byte[]> chunks, Usage usage)
    {
        this.chunks = List.copyOf(chunks);
        this.usage = usage;
    }

    @Override
    public byte[] next()
    {
        if (next >= chunks.size()) {
            next = chunks.size() + 1;
            return null;
        }
        return chunks.get(next++);
    }

    @Override
    public Usage usage()
    {
        return next > chunks.size() ? usage : Usage.UNKNOWN;
    }

    @Override
    public void close() {}
}
