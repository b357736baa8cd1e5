package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChunkWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.SseEventReader;
import io.junction.plugins.providers.common.StopReasons;
import io.junction.plugins.providers.common.TranslatedChunkStream;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.UpstreamStream;
import io.junction.spi.provider.Usage;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic's event stream as OpenAI chunks. {@code message_start} gives the id, model and prompt usage and opens
 * with the assistant role; text, thinking and tool-input deltas become content, {@code reasoning_content} and tool
 * call argument chunks (tool calls numbered among tool blocks only, as OpenAI numbers them); {@code message_delta}
 * gives the finish reason and the output usage; {@code message_stop} ends the stream. An {@code error} event fails
 * it, and a body that ends before {@code message_stop} is a cut stream, never a clean end.
 */
final class AnthropicChunkStream
        extends TranslatedChunkStream
{
    private final SseEventReader events;
    private final AnthropicErrors errors;
    private final boolean jsonMode;
    private final long created;

    private ChunkWriter writer;
    private AnthropicUsage usage = AnthropicUsage.NONE;
    // Anthropic block index -> OpenAI tool call index
    private final Map<Integer, Integer> toolCallIndexes = new HashMap<>();
    // blocks of the structured-output tool, whose input is streamed as content
    private final Set<Integer> jsonContentBlocks = new HashSet<>();
    private boolean finishSent;
    private boolean stopped;

    /**
     * @param jsonMode {@code response_format} became the {@link AnthropicTools#JSON_TOOL_NAME} tool
     * @param created seconds since the epoch, the same on every chunk
     */
    AnthropicChunkStream(UpstreamStream upstream, boolean includeUsage, AnthropicErrors errors, boolean jsonMode, long created)
    {
        super(upstream, includeUsage);
        this.events = new SseEventReader(upstream.body());
        this.errors = errors;
        this.jsonMode = jsonMode;
        this.created = created;
    }

    @Override
    protected boolean readEvent()
    {
        if (stopped) {
            return false;
        }
        byte[] data = nextData();
        if (data == null) {
            return false;
        }
        if (data.length == 0) {
            return true;
        }
        ObjectNode event = Json.parseObject(data, "an event of anthropic's stream", ErrorKind.UPSTREAM_SERVER);
        switch (event.path("type").asText()) {
            case "message_start" -> messageStart(event.path("message"));
            case "content_block_start" -> blockStart(event.path("index").asInt(), event.path("content_block"));
            case "content_block_delta" -> blockDelta(event.path("index").asInt(), event.path("delta"));
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> messageStop();
            case "error" -> throw errors.fromStreamEvent(event);
            default -> {
                // ping, content_block_stop, and event types Anthropic may add: nothing to tell the client
            }
        }
        return true;
    }

    private void messageStart(JsonNode message)
    {
        writer = new ChunkWriter(message.path("id").asText(), message.path("model").asText(), created);
        usage = AnthropicUsage.of(message.path("usage"));
        emit(writer.role());
    }

    private void blockStart(int index, JsonNode block)
    {
        switch (block.path("type").asText()) {
            case "text" -> text(block.path("text").asText(""));
            case "thinking" -> reasoning(block.path("thinking").asText(""));
            case "tool_use" -> {
                if (jsonMode && AnthropicTools.JSON_TOOL_NAME.equals(block.path("name").asText())) {
                    jsonContentBlocks.add(index);
                }
                else {
                    int toolCallIndex = toolCallIndexes.size();
                    toolCallIndexes.put(index, toolCallIndex);
                    emit(writer().toolCallStart(toolCallIndex, block.path("id").asText(), block.path("name").asText()));
                }
            }
            default -> {
                // redacted thinking, server tool blocks: nothing OpenAI has a place for
            }
        }
    }

    private void blockDelta(int index, JsonNode delta)
    {
        switch (delta.path("type").asText()) {
            case "text_delta" -> text(delta.path("text").asText(""));
            case "thinking_delta" -> reasoning(delta.path("thinking").asText(""));
            case "input_json_delta" -> {
                String fragment = delta.path("partial_json").asText("");
                Integer toolCallIndex = toolCallIndexes.get(index);
                if (fragment.isEmpty()) {
                    return;
                }
                if (jsonContentBlocks.contains(index)) {
                    emit(writer().text(fragment));
                }
                else if (toolCallIndex != null) {
                    emit(writer().toolCallArguments(toolCallIndex, fragment));
                }
            }
            default -> {
                // signature_delta (the thinking's signature), citations_delta, later additions
            }
        }
    }

    private void messageDelta(JsonNode event)
    {
        usage = usage.updatedBy(event.path("usage"));
        String stopReason = event.path("delta").path("stop_reason").asText(null);
        if (stopReason != null && !finishSent) {
            finish(stopReason);
        }
    }

    private void messageStop()
    {
        if (!finishSent) {
            // a stream that told no stop reason still ends its choice
            finish(null);
        }
        stopped = true;
    }

    private void finish(String stopReason)
    {
        String finishReason = StopReasons.finishReason(stopReason);
        if (jsonMode && "tool_calls".equals(finishReason) && toolCallIndexes.isEmpty() && !jsonContentBlocks.isEmpty()) {
            // the only tool called was the structured-output one, which the client sees as content
            finishReason = "stop";
        }
        emit(writer().finish(finishReason));
        finishSent = true;
    }

    private void text(String text)
    {
        if (!text.isEmpty()) {
            emit(writer().text(text));
        }
    }

    private void reasoning(String text)
    {
        if (!text.isEmpty()) {
            emit(writer().reasoning(text));
        }
    }

    private ChunkWriter writer()
    {
        if (writer == null) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "anthropic's stream sent content before message_start");
        }
        return writer;
    }

    private byte[] nextData()
    {
        try {
            return events.nextData();
        }
        catch (IOException e) {
            throw UpstreamErrors.streamReadFailed(AnthropicErrors.PROVIDER, e);
        }
    }

    @Override
    protected boolean completed()
    {
        return stopped && writer != null;
    }

    @Override
    protected Usage reportedUsage()
    {
        return usage.toUsage();
    }

    @Override
    protected byte[] usageChunk(Usage total)
    {
        return writer.usage(total);
    }

    @Override
    protected String provider()
    {
        return AnthropicErrors.PROVIDER;
    }
}
