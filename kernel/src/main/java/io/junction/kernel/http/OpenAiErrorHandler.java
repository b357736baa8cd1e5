package io.junction.kernel.http;

import io.junction.spi.ErrorKind;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own errors (malformed HTTP, headers too large, requests refused during shutdown) in OpenAI's JSON shape
 * instead of Jetty's HTML page, and never with a stack trace.
 */
public final class OpenAiErrorHandler
        extends ErrorHandler
{
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
    {
        JsonResponses.send(response, callback, code, JsonResponses.errorBody(errorFor(code, message)));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields)
    {
        fields.put("content-type", JsonResponses.APPLICATION_JSON);
        return ByteBuffer.wrap(JsonResponses.errorBody(errorFor(status, reason)));
    }

    private static GatewayError errorFor(int status, String message)
    {
        ErrorKind kind = status == 503 ? ErrorKind.UNAVAILABLE : ErrorKind.fromHttpStatus(status);
        String text = message == null || message.isBlank() ? "HTTP error " + status : message;
        return new GatewayError(kind, text, null, Integer.toString(status));
    }
}
