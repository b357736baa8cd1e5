package io.junction.kernel.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events to the client, each flushed as soon as it is written. */
final class SseWriter
{
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    // a comment line: SSE clients ignore it, idle proxies see bytes flowing
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Response response;

    SseWriter(Response response)
    {
        this.response = response;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        // nginx and similar proxies buffer responses unless told not to
        response.getHeaders().put("x-accel-buffering", "no");
    }

    void data(byte[] json)
            throws IOException
    {
        ByteBuffer event = ByteBuffer.allocate(DATA.length + json.length + END_OF_EVENT.length);
        event.put(DATA).put(json).put(END_OF_EVENT).flip();
        write(event);
    }

    void comment()
            throws IOException
    {
        write(ByteBuffer.wrap(KEEP_ALIVE));
    }

    /** Takes back the stream's headers before anything was sent, so an error can still be answered as JSON. */
    void discardHeaders()
    {
        response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
        response.getHeaders().remove(HttpHeader.CACHE_CONTROL);
        response.getHeaders().remove("x-accel-buffering");
    }

    void done()
            throws IOException
    {
        write(ByteBuffer.wrap(DONE));
    }

    /** Ends the stream with an OpenAI-shaped error event and no {@code [DONE]}, so no client mistakes it for success. */
    void error(GatewayError error)
    {
        try {
            data(JsonResponses.errorBody(error));
        }
        catch (IOException ignored) {
            // the client is gone; nothing else can be told
        }
    }

    private void write(ByteBuffer buffer)
            throws IOException
    {
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, buffer, blocker);
            blocker.block();
        }
    }
}
