package io.junction.distribution;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A body of {@code application/vnd.amazon.eventstream} messages as Bedrock's ConverseStream sends them: per message
 * a prelude (total length, headers length, CRC32 of both), string headers (value type 7), a JSON payload and a
 * CRC32 of the whole message. Written here from AWS's format description, independently of the gateway's reader.
 */
final class AwsEventStream
{
    private static final int PRELUDE_BYTES = 12;
    private static final int CHECKSUM_BYTES = 4;
    private static final int STRING_VALUE_TYPE = 7;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** An event: {@code :event-type}, {@code :content-type: application/json}, {@code :message-type: event}. */
    AwsEventStream event(String eventType, String json)
    {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        body.writeBytes(message(headers, json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    byte[] bytes()
    {
        return body.toByteArray();
    }

    private static byte[] message(Map<String, String> stringHeaders, byte[] payload)
    {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        stringHeaders.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            headers.write(nameBytes.length);
            headers.writeBytes(nameBytes);
            headers.write(STRING_VALUE_TYPE);
            headers.write(valueBytes.length >> 8);
            headers.write(valueBytes.length & 0xFF);
            headers.writeBytes(valueBytes);
        });
        byte[] headerBytes = headers.toByteArray();
        int total = PRELUDE_BYTES + headerBytes.length + payload.length + CHECKSUM_BYTES;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(headerBytes.length);
        message.putInt((int) crc32(message.array(), 8));
        message.put(headerBytes).put(payload);
        message.putInt((int) crc32(message.array(), total - CHECKSUM_BYTES));
        return message.array();
    }

    private static long crc32(byte[] bytes, int length)
    {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
