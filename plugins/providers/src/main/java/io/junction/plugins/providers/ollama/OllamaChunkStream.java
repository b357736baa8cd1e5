package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.ChunkWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ToolCall;
import io.junction.plugins.providers.common.TranslatedChunkStream;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * An Ollama stream (NDJSON: one JSON object per line, the last with {@code done: true} and the token counts) as
 * OpenAI {@code chat.completion.chunk}s: the assistant role first, then text, reasoning and tool calls as they come,
 * then the finish reason. A body that ends before {@code done: true} is a cut stream and fails, as does an
 * {@code {"error": ...}} line.
 */
final class OllamaChunkStream
        extends TranslatedChunkStream
{
    private final NdjsonLineReader lines;
    private final boolean generate;
    private final String provider;
    private final String requestedModel;
    private final String completionId;
    private final long created;
    private final int estimatedPromptTokens;
    private final Supplier<String> toolCallIds;
    private final OllamaErrors errors;
    private ChunkWriter writer;
    private int toolCallCount;
    private boolean done;
    private Usage usage = Usage.UNKNOWN;

    /**
     * @param generate the stream is {@code /api/generate}'s ({@code response} fields) rather than {@code /api/chat}'s
     * @param created seconds since the epoch, for every chunk
     */
    OllamaChunkStream(UpstreamStream upstream, boolean includeUsage, boolean generate, String provider, String requestedModel,
            String completionId, long created, int estimatedPromptTokens, Supplier<String> toolCallIds, OllamaErrors errors)
    {
        super(upstream, includeUsage);
        this.lines = new NdjsonLineReader(upstream.body());
        this.generate = generate;
        this.provider = provider;
        this.requestedModel = requestedModel;
        this.completionId = completionId;
        this.created = created;
        this.estimatedPromptTokens = estimatedPromptTokens;
        this.toolCallIds = toolCallIds;
        this.errors = errors;
    }

    @Override
    protected boolean readEvent()
    {
        if (done) {
            return false;
        }
        byte[] line = nextLine();
        if (line == null) {
            return false;
        }
        JsonNode json = parse(line);
        if (json.path("error").isTextual()) {
            throw errors.fromStreamLine(json.path("error").asText());
        }
        OllamaAnswer answer = OllamaAnswer.read(json, generate, toolCallIds);
        if (writer == null) {
            writer = new ChunkWriter(completionId, answer.model().isEmpty() ? requestedModel : answer.model(), created);
            emit(writer.role());
        }
        answer.thinking().ifPresent(thinking -> emit(writer.reasoning(thinking)));
        if (!answer.text().isEmpty()) {
            emit(writer.text(answer.text()));
        }
        for (ToolCall call : answer.toolCalls()) {
            // Ollama sends each call whole: its start and all of its arguments at once
            int index = toolCallCount++;
            emit(writer.toolCallStart(index, call.id(), call.name()));
            emit(writer.toolCallArguments(index, call.arguments()));
        }
        if (answer.done()) {
            done = true;
            usage = answer.usage(estimatedPromptTokens);
            emit(writer.finish(OllamaAnswer.finishReason(answer.doneReason(), toolCallCount > 0)));
        }
        return true;
    }

    private byte[] nextLine()
    {
        try {
            return lines.nextLine();
        }
        catch (IOException e) {
            throw UpstreamErrors.streamReadFailed(provider, e);
        }
    }

    private JsonNode parse(byte[] line)
    {
        JsonNode json = Json.parseOrMissing(line);
        if (json.isObject()) {
            return json;
        }
        // never echoing the line: it holds generated text
        throw lines.lastLineUnterminated() ? UpstreamErrors.streamCut(provider) : errors.malformed("a stream line");
    }

    @Override
    protected boolean completed()
    {
        return done;
    }

    @Override
    protected Usage reportedUsage()
    {
        return usage;
    }

    @Override
    protected byte[] usageChunk(Usage streamUsage)
    {
        return writer.usage(streamUsage);
    }

    @Override
    protected String provider()
    {
        return provider;
    }
}
