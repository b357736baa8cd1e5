package io.junction.plugins.providers.common;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.spi.provider.Usage;

/**
 * Writes the OpenAI {@code chat.completion.chunk}s of one translated stream: every chunk carries the same id, model
 * and creation time, one choice at index 0, as OpenAI's own streams do.
 */
public final class ChunkWriter
{
    private final String id;
    private final String model;
    private final long created;

    /**
     * @param id the completion id ({@code chatcmpl-...} or the provider's message id)
     * @param model the model name the client sees (the provider's, as LiteLLM returns it)
     * @param created seconds since the epoch
     */
    public ChunkWriter(String id, String model, long created)
    {
        this.id = id;
        this.model = model;
        this.created = created;
    }

    /** The first chunk: the assistant role with empty content. */
    public byte[] role()
    {
        ObjectNode delta = Json.object();
        delta.put("role", "assistant");
        delta.put("content", "");
        return chunk(delta, null);
    }

    public byte[] text(String text)
    {
        ObjectNode delta = Json.object();
        delta.put("content", text);
        return chunk(delta, null);
    }

    /** The reasoning a model shows before answering (Anthropic thinking, Gemini thoughts), as LiteLLM names it. */
    public byte[] reasoning(String text)
    {
        ObjectNode delta = Json.object();
        delta.put("reasoning_content", text);
        return chunk(delta, null);
    }

    /** A tool call begins: its id and function name, with empty arguments that later chunks extend. */
    public byte[] toolCallStart(int index, String callId, String name)
    {
        ObjectNode call = toolCall(index);
        call.put("id", callId);
        call.put("type", "function");
        call.withObject("function").put("name", name).put("arguments", "");
        return toolCallChunk(call);
    }

    public byte[] toolCallArguments(int index, String fragment)
    {
        ObjectNode call = toolCall(index);
        call.withObject("function").put("arguments", fragment);
        return toolCallChunk(call);
    }

    /** The last chunk of the choice: an empty delta and the finish reason. */
    public byte[] finish(String finishReason)
    {
        return chunk(Json.object(), finishReason);
    }

    /** The chunk {@code stream_options.include_usage} asks for: no choices, the whole stream's usage. */
    public byte[] usage(Usage usage)
    {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", CompletionWriter.usageJson(usage));
        return Json.bytes(chunk);
    }

    private static ObjectNode toolCall(int index)
    {
        ObjectNode call = Json.object();
        call.put("index", index);
        return call;
    }

    private byte[] toolCallChunk(ObjectNode call)
    {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private byte[] chunk(ObjectNode delta, String finishReason)
    {
        ObjectNode chunk = header();
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        }
        else {
            choice.put("finish_reason", finishReason);
        }
        return Json.bytes(chunk);
    }

    private ObjectNode header()
    {
        ObjectNode chunk = Json.object();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }
}
