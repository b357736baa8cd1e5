package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.SseEventReader;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The chunks of an OpenAI-compatible stream, passed on byte for byte. Only chunks that mention {@code usage} or
 * {@code error} are parsed: the first to record the stream's token counts, the second to fail the stream.
 */
final class OpenAiChunkStream
        implements ChunkStream
{
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final UpstreamStream upstream;
    private final SseEventReader events;
    private final OpenAiErrors errors;
    private final String provider;
    private Usage usage;
    private boolean finished;
    private boolean closed;

    OpenAiChunkStream(UpstreamStream upstream, OpenAiErrors errors, String provider)
    {
        this.upstream = upstream;
        this.events = new SseEventReader(upstream.body());
        this.errors = errors;
        this.provider = provider;
    }

    @Override
    public byte[] next()
    {
        if (finished) {
            return null;
        }
        while (true) {
            byte[] payload = nextPayload();
            if (payload == null) {
                throw errors.streamCut();
            }
            if (Arrays.equals(payload, DONE)) {
                finished = true;
                return null;
            }
            if (payload.length == 0) {
                continue;
            }
            OpenAiBodyScanner.Facts facts = OpenAiBodyScanner.chunk(payload);
            if (facts.error() != null) {
                throw errors.fromStreamEvent(facts.error());
            }
            if (facts.usage() != null) {
                usage = facts.usage();
            }
            return payload;
        }
    }

    private byte[] nextPayload()
    {
        try {
            return events.nextData();
        }
        catch (IOException e) {
            throw new ProviderException(ErrorKind.UNAVAILABLE,
                    "reading the upstream stream from " + provider + " failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public Usage usage()
    {
        return finished && usage != null ? usage : Usage.UNKNOWN;
    }

    @Override
    public void close()
    {
        if (!closed) {
            closed = true;
            upstream.close();
        }
    }
}
