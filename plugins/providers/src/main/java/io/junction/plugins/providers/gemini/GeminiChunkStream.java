package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.ChunkWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.SseEventReader;
import io.junction.plugins.providers.common.ToolCall;
import io.junction.plugins.providers.common.TranslatedChunkStream;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;

/**
 * A {@code streamGenerateContent?alt=sse} stream as OpenAI chunks. Each event is a whole {@code GenerateContentResponse}
 * holding the next slice of the candidate: its text and thoughts become deltas, each function call arrives whole and
 * becomes a tool call's start and arguments, and the event that carries a {@code finishReason} ends the choice. Gemini
 * sends no end marker beyond that, so a body that ends before any finish reason was cut.
 */
final class GeminiChunkStream
        extends TranslatedChunkStream
{
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final SseEventReader events;
    private final GeminiErrors errors;
    private final ToolCallIds ids;
    private final String provider;
    private final String deploymentModel;
    private final InstantSource clock;
    private final Deltas deltas = new Deltas();
    private ChunkWriter writer;
    private int toolCalls;
    private boolean finished;
    private Usage usage = Usage.UNKNOWN;

    GeminiChunkStream(UpstreamStream upstream, boolean includeUsage, GeminiErrors errors, ToolCallIds ids, String provider,
            String deploymentModel, InstantSource clock)
    {
        super(upstream, includeUsage);
        this.events = new SseEventReader(upstream.body());
        this.errors = errors;
        this.ids = ids;
        this.provider = provider;
        this.deploymentModel = deploymentModel;
        this.clock = clock;
    }

    @Override
    protected boolean readEvent()
    {
        byte[] data = nextData();
        if (data == null) {
            return false;
        }
        JsonNode event = parse(data);
        if (event != null) {
            translate(event);
        }
        return true;
    }

    private void translate(JsonNode event)
    {
        if (event.path("error").isObject()) {
            throw errors.fromStreamEvent(event.path("error"));
        }
        Usage reported = GeminiUsage.from(event.path("usageMetadata"));
        if (reported.known()) {
            // every event repeats the running totals: the last one is the stream's
            usage = reported;
        }
        JsonNode candidate = event.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            String blockReason = event.path("promptFeedback").path("blockReason").asText("");
            if (!blockReason.isEmpty()) {
                throw errors.blockedPrompt(blockReason);
            }
            return;
        }
        if (writer == null) {
            writer = new ChunkWriter(GeminiResponses.id(event, ids), GeminiResponses.model(event, deploymentModel),
                    clock.instant().getEpochSecond());
            emit(writer.role());
        }
        GeminiParts.read(candidate, ids, deltas);
        String finishReason = candidate.path("finishReason").asText("");
        if (!finishReason.isEmpty() && !finished) {
            finished = true;
            emit(writer.finish(GeminiFinishReasons.toOpenAi(finishReason, toolCalls > 0)));
        }
    }

    private byte[] nextData()
    {
        try {
            return events.nextData();
        }
        catch (IOException e) {
            throw UpstreamErrors.streamReadFailed(provider, e);
        }
    }

    /** The event as JSON, or null for one with nothing to say (a blank event, a stray {@code [DONE]}). */
    private JsonNode parse(byte[] data)
    {
        int start = 0;
        while (start < data.length && Character.isWhitespace(data[start])) {
            start++;
        }
        if (start == data.length || Arrays.equals(data, start, Math.min(data.length, start + DONE.length), DONE, 0, DONE.length)) {
            return null;
        }
        return Json.parseObject(data, provider + "'s stream event", ErrorKind.UPSTREAM_SERVER);
    }

    @Override
    protected boolean completed()
    {
        return finished;
    }

    @Override
    protected Usage reportedUsage()
    {
        return usage;
    }

    @Override
    protected byte[] usageChunk(Usage reported)
    {
        return writer.usage(reported);
    }

    @Override
    protected String provider()
    {
        return provider;
    }

    /** Each part of an event as the chunk that carries it. */
    private final class Deltas
            implements GeminiParts.Sink
    {
        @Override
        public void text(String text)
        {
            emit(writer.text(text));
        }

        @Override
        public void reasoning(String text)
        {
            emit(writer.reasoning(text));
        }

        @Override
        public void toolCall(ToolCall call)
        {
            // Gemini sends a call whole: its start and all its arguments go out at once
            int index = toolCalls++;
            emit(writer.toolCallStart(index, call.id(), call.name()));
            emit(writer.toolCallArguments(index, call.arguments()));
        }
    }
}
