package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChunkWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.StopReasons;
import io.junction.plugins.providers.common.TranslatedChunkStream;
import io.junction.plugins.providers.common.UpstreamErrors;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.Usage;
import io.junction.spi.provider.UpstreamStream;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A ConverseStream answer, read one eventstream message at a time and translated into OpenAI chunks:
 * {@code messageStart} gives the role, {@code contentBlockStart} a tool call's id and name,
 * {@code contentBlockDelta} text, reasoning or a fragment of a tool call's arguments, {@code messageStop} the finish
 * reason, {@code metadata} the usage. An exception message fails the stream with its kind.
 */
final class ConverseChunkStream
        extends TranslatedChunkStream
{
    private final EventStreamReader reader;
    private final ChunkWriter writer;
    private final BedrockErrors errors;
    // Converse numbers content blocks; OpenAI numbers tool calls
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>(4);
    private final Optional<String> jsonTool;
    private int jsonBlock = -1;
    private boolean roleSent;
    private boolean stopped;
    private Usage usage = Usage.UNKNOWN;

    /**
     * @param jsonTool the tool standing for {@code response_format}: its input is streamed as content
     */
    ConverseChunkStream(UpstreamStream upstream, boolean includeUsage, ChunkWriter writer, BedrockErrors errors, Optional<String> jsonTool)
    {
        super(upstream, includeUsage);
        this.reader = new EventStreamReader(upstream.body(), BedrockErrors.PROVIDER);
        this.writer = writer;
        this.errors = errors;
        this.jsonTool = jsonTool;
    }

    @Override
    protected boolean readEvent()
    {
        EventStreamMessage message;
        try {
            message = reader.next();
        }
        catch (IOException e) {
            throw UpstreamErrors.streamReadFailed(BedrockErrors.PROVIDER, e);
        }
        if (message == null) {
            return false;
        }
        String messageType = message.stringHeader(":message-type").orElse("event");
        switch (messageType) {
            case "event" -> onEvent(message.stringHeader(":event-type").orElse(""), message.payload());
            case "exception" -> throw errors.fromStreamException(message.stringHeader(":exception-type").orElse("exception"), message.payload());
            case "error" -> throw errors.fromStreamError(message.stringHeader(":error-code").orElse("error"),
                    message.stringHeader(":error-message").orElse(""));
            default -> {
                // a message type this adapter does not know carries nothing for the client
            }
        }
        return true;
    }

    private void onEvent(String eventType, byte[] payload)
    {
        ObjectNode event = Json.parseObject(payload, "bedrock's " + eventType + " event", ErrorKind.UPSTREAM_SERVER);
        switch (eventType) {
            case "messageStart" -> ensureRole();
            case "contentBlockStart" -> onBlockStart(event);
            case "contentBlockDelta" -> onBlockDelta(event);
            case "messageStop" -> {
                ensureRole();
                stopped = true;
                String finishReason = StopReasons.finishReason(event.path("stopReason").asText(null));
                if (jsonBlock >= 0 && toolIndexByBlock.isEmpty() && finishReason.equals("tool_calls")) {
                    // the forced JSON tool's call was the answer, streamed as content
                    finishReason = "stop";
                }
                emit(writer.finish(finishReason));
            }
            case "metadata" -> usage = ConverseResults.usage(event.get("usage"));
            default -> {
                // contentBlockStop, and events added later, change nothing the client sees
            }
        }
    }

    private void onBlockStart(ObjectNode event)
    {
        JsonNode toolUse = event.path("start").path("toolUse");
        if (!toolUse.isObject()) {
            return;
        }
        ensureRole();
        int blockIndex = event.path("contentBlockIndex").asInt();
        if (jsonTool.isPresent() && jsonTool.get().equals(toolUse.path("name").asText())) {
            jsonBlock = blockIndex;
            return;
        }
        int toolIndex = toolIndexByBlock.size();
        toolIndexByBlock.put(blockIndex, toolIndex);
        emit(writer.toolCallStart(toolIndex, toolUse.path("toolUseId").asText(""), toolUse.path("name").asText("")));
    }

    private void onBlockDelta(ObjectNode event)
    {
        JsonNode delta = event.path("delta");
        if (delta.path("text").isTextual()) {
            ensureRole();
            emit(writer.text(delta.get("text").asText()));
        }
        else if (delta.path("toolUse").path("input").isTextual()) {
            int blockIndex = event.path("contentBlockIndex").asInt();
            if (blockIndex == jsonBlock) {
                emit(writer.text(delta.get("toolUse").get("input").asText()));
                return;
            }
            Integer toolIndex = toolIndexByBlock.get(blockIndex);
            if (toolIndex == null) {
                throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "bedrock sent tool input for a content block it never started");
            }
            emit(writer.toolCallArguments(toolIndex, delta.get("toolUse").get("input").asText()));
        }
        else if (delta.path("reasoningContent").path("text").isTextual()) {
            ensureRole();
            emit(writer.reasoning(delta.get("reasoningContent").get("text").asText()));
        }
        // a reasoning signature or redacted reasoning has no OpenAI chunk
    }

    private void ensureRole()
    {
        if (!roleSent) {
            roleSent = true;
            emit(writer.role());
        }
    }

    @Override
    protected boolean completed()
    {
        return stopped;
    }

    @Override
    protected Usage reportedUsage()
    {
        return usage;
    }

    @Override
    protected byte[] usageChunk(Usage finalUsage)
    {
        return writer.usage(finalUsage);
    }

    @Override
    protected String provider()
    {
        return BedrockErrors.PROVIDER;
    }
}
