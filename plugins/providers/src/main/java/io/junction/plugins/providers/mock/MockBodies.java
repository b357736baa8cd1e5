package io.junction.plugins.providers.mock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.junction.spi.provider.Usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes the OpenAI response bodies and stream chunks the mock answers with. */
final class MockBodies
{
    private static final JsonFactory JSON = new JsonFactory();

    private MockBodies() {}

    /** Who answers: the same for every body and chunk of one response. */
    record Header(String id, String object, long created, String model) {}

    static byte[] chatCompletion(Header header, String content, Usage usage)
    {
        return write(json -> {
            start(json, header);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "assistant");
            json.writeStringField("content", content);
            json.writeNullField("refusal");
            json.writeEndObject();
            json.writeNullField("logprobs");
            json.writeStringField("finish_reason", "stop");
            json.writeEndObject();
            json.writeEndArray();
            writeUsage(json, usage);
            json.writeEndObject();
        });
    }

    static byte[] textCompletion(Header header, String text, Usage usage)
    {
        return write(json -> {
            start(json, header);
            json.writeArrayFieldStart("choices");
            writeTextChoice(json, text, "stop");
            json.writeEndArray();
            writeUsage(json, usage);
            json.writeEndObject();
        });
    }

    /**
     * One {@code chat.completion.chunk}.
     *
     * @param role set on the first chunk only
     * @param content null for a chunk without content (the last one)
     * @param withNullUsage whether to carry {@code "usage": null}, as OpenAI's chunks do under {@code include_usage}
     */
    static byte[] chatChunk(Header header, String role, String content, String finishReason, boolean withNullUsage)
    {
        return write(json -> {
            start(json, header);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("delta");
            if (role != null) {
                json.writeStringField("role", role);
            }
            if (content != null) {
                json.writeStringField("content", content);
            }
            json.writeEndObject();
            json.writeNullField("logprobs");
            writeNullableString(json, "finish_reason", finishReason);
            json.writeEndObject();
            json.writeEndArray();
            if (withNullUsage) {
                json.writeNullField("usage");
            }
            json.writeEndObject();
        });
    }

    /** One chunk of a streamed text completion (the legacy {@code /completions} endpoint). */
    static byte[] textChunk(Header header, String text, String finishReason, boolean withNullUsage)
    {
        return write(json -> {
            start(json, header);
            json.writeArrayFieldStart("choices");
            writeTextChoice(json, text, finishReason);
            json.writeEndArray();
            if (withNullUsage) {
                json.writeNullField("usage");
            }
            json.writeEndObject();
        });
    }

    /** The chunk {@code stream_options.include_usage} asks for: no choices, the whole stream's usage. */
    static byte[] usageChunk(Header header, Usage usage)
    {
        return write(json -> {
            start(json, header);
            json.writeArrayFieldStart("choices");
            json.writeEndArray();
            writeUsage(json, usage);
            json.writeEndObject();
        });
    }

    static byte[] embeddings(String model, List<float[]> vectors, boolean base64, Usage usage)
    {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (int i = 0; i < vectors.size(); i++) {
                json.writeStartObject();
                json.writeStringField("object", "embedding");
                json.writeNumberField("index", i);
                if (base64) {
                    json.writeStringField("embedding", MockEmbeddings.base64(vectors.get(i)));
                }
                else {
                    json.writeArrayFieldStart("embedding");
                    for (float value : vectors.get(i)) {
                        json.writeNumber(value);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("model", model);
            json.writeObjectFieldStart("usage");
            json.writeNumberField("prompt_tokens", usage.promptTokens());
            json.writeNumberField("total_tokens", usage.totalTokens());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static void start(JsonGenerator json, Header header)
            throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", header.id());
        json.writeStringField("object", header.object());
        json.writeNumberField("created", header.created());
        json.writeStringField("model", header.model());
    }

    private static void writeTextChoice(JsonGenerator json, String text, String finishReason)
            throws IOException
    {
        json.writeStartObject();
        json.writeStringField("text", text);
        json.writeNumberField("index", 0);
        json.writeNullField("logprobs");
        writeNullableString(json, "finish_reason", finishReason);
        json.writeEndObject();
    }

    private static void writeUsage(JsonGenerator json, Usage usage)
            throws IOException
    {
        json.writeObjectFieldStart("usage");
        json.writeNumberField("prompt_tokens", usage.promptTokens());
        json.writeNumberField("completion_tokens", usage.completionTokens());
        json.writeNumberField("total_tokens", usage.totalTokens());
        json.writeEndObject();
    }

    private static void writeNullableString(JsonGenerator json, String name, String value)
            throws IOException
    {
        if (value == null) {
            json.writeNullField(name);
        }
        else {
            json.writeStringField(name, value);
        }
    }

    private static byte[] write(JsonWriter writer)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            writer.write(json);
        }
        catch (IOException e) {
            // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface JsonWriter
    {
        void write(JsonGenerator json)
                throws IOException;
    }
}
