package io.junction.kernel.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Writes small JSON documents (errors, model lists, health) straight from a generator, without an object mapper. */
public final class JsonResponses
{
    public static final String APPLICATION_JSON = "application/json";

    private static final JsonFactory JSON = new JsonFactory();

    private JsonResponses() {}

    @FunctionalInterface
    public interface JsonWriter
    {
        void write(JsonGenerator json)
                throws IOException;
    }

    public static byte[] toBytes(JsonWriter writer)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writer.write(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void send(Response response, Callback callback, int status, byte[] body)
    {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, APPLICATION_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
    public static byte[] errorBody(GatewayError error)
    {
        return toBytes(json -> {
            json.writeStartObject();
            writeErrorObject(json, error);
            json.writeEndObject();
        });
    }

    private static void writeErrorObject(JsonGenerator json, GatewayError error)
            throws IOException
    {
        json.writeObjectFieldStart("error");
        json.writeStringField("message", error.getMessage());
        json.writeStringField("type", error.kind().openAiType());
        json.writeStringField("param", error.param().orElse(null));
        json.writeStringField("code", error.code().orElse(null));
        json.writeEndObject();
    }
}
