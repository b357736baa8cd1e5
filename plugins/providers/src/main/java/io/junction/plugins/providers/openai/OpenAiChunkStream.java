package io.junction.plugins.providers.openai;

import io.junction.plugins.providers.common.SseEventReader;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The chunks of an OpenAI-compatible stream, passed on byte for byte. Only chunks that mention a non-null
 * {@code usage}, an {@code error} or empty {@code choices} are parsed: to record the stream's token counts, to fail
 * the stream, to leave out what is not a chunk for the client. When the gateway asked the upstream for usage the
 * client did not ask for, the usage-only chunk (empty {@code choices}) is recorded and not passed on, so the client
 * sees the stream it asked for. Chunks with empty {@code choices} and no usage, such as Azure's leading
 * {@code prompt_filter_results} (whose {@code id} and {@code object} are empty strings, which OpenAI's clients do not
 * expect), are not passed on: LiteLLM does not pass them on either.
 */
final class OpenAiChunkStream
        implements ChunkStream
{
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final UpstreamStream upstream;
    private final SseEventReader events;
    private final OpenAiErrors errors;
    private final String provider;
    private final boolean suppressUsageChunk;
    private Usage usage;
    private boolean finished;
    private boolean closed;

    /**
     * @param suppressUsageChunk the client did not ask for the usage chunk: record it, do not pass it on
     */
    OpenAiChunkStream(UpstreamStream upstream, OpenAiErrors errors, String provider, boolean suppressUsageChunk)
    {
        this.upstream = upstream;
        this.events = new SseEventReader(upstream.body());
        this.errors = errors;
        this.provider = provider;
        this.suppressUsageChunk = suppressUsageChunk;
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
                if (suppressUsageChunk && facts.emptyChoices()) {
                    continue;
                }
            }
            else if (facts.emptyChoices()) {
                continue;
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
            throw UpstreamErrors.streamReadFailed(provider, e);
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
