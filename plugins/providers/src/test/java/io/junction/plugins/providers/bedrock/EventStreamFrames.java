package io.junction.plugins.providers.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Builds {@code application/vnd.amazon.eventstream} messages the way Bedrock sends them, for replaying through WireMock:
 * string headers (value type 7) and both CRC32 checksums computed here, independently of the reader under test.
 */
final class EventStreamFrames
{
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** An event as ConverseStream sends it: {@code :event-type}, {@code :content-type}, {@code :message-type: event}. */
    EventStreamFrames event(String eventType, String json)
    {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An exception inside the stream: {@code :exception-type}, {@code :message-type: exception}. */
    EventStreamFrames exception(String exceptionType, String json)
    {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    EventStreamFrames message(Map<String, String> stringHeaders, byte[] payload)
    {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        stringHeaders.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            headers.write(nameBytes.length);
            headers.writeBytes(nameBytes);
            headers.write(7);
            headers.write(valueBytes.length >> 8);
            headers.write(valueBytes.length & 0xFF);
            headers.writeBytes(valueBytes);
        });
        body.writeBytes(encode(headers.toByteArray(), payload));
        return this;
    }

    /** One whole message from raw header bytes (any value types) and a payload. */
    static byte[] encode(byte[] headers, byte[] payload)
    {
        int total = 12 + headers.length + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(headers.length);
        message.putInt((int) crc(message.array(), 0, 8));
        message.put(headers).put(payload);
        message.putInt((int) crc(message.array(), 0, total - 4));
        return message.array();
    }

    byte[] bytes()
    {
        return body.toByteArray();
    }

    private static long crc(byte[] bytes, int offset, int length)
    {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
