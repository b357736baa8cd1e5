package io.junction.plugins.providers.bedrock;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Reads the messages of an {@code application/vnd.amazon.eventstream} body as they arrive. Each message is a 12-byte
 * prelude (total length, headers length, both big-endian unsigned 32-bit, then the CRC32 of those 8 bytes), the
 * headers, the payload, and the CRC32 of everything before it. Both checksums are checked before anything of a
 * message is used, and a body that ends inside a message fails: a cut stream never looks like a clean end.
 * <p>
 * Memory is bounded: one buffer, grown to the largest message seen, and a message may not exceed
 * {@link #MAX_MESSAGE_BYTES}.
 */
final class EventStreamReader
{
    /** AWS caps a message's payload at 16 MiB and its headers at 128 KiB; anything larger is corruption. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 128 * 1024 + 16;

    private static final int PRELUDE_BYTES = 12;
    private static final int MIN_MESSAGE_BYTES = PRELUDE_BYTES + 4;

    private final InputStream body;
    private final String source;
    private final byte[] prelude = new byte[PRELUDE_BYTES];
    private byte[] rest = new byte[1024];

    /**
     * @param source names the stream in errors ("bedrock")
     */
    EventStreamReader(InputStream body, String source)
    {
        this.body = body;
        this.source = source;
    }

    /**
     * The next message, or null when the body ended cleanly between two messages.
     *
     * @throws ProviderException when a checksum or a length is wrong, or the body ends inside a message
     * @throws IOException when reading the body fails
     */
    EventStreamMessage next()
            throws IOException
    {
        int read = body.readNBytes(prelude, 0, PRELUDE_BYTES);
        if (read == 0) {
            return null;
        }
        if (read < PRELUDE_BYTES) {
            throw cut();
        }
        long totalLength = uint32(prelude, 0);
        long headersLength = uint32(prelude, 4);
        CRC32 crc = new CRC32();
        crc.update(prelude, 0, 8);
        if (crc.getValue() != uint32(prelude, 8)) {
            throw corrupt("its prelude checksum does not match");
        }
        if (totalLength < MIN_MESSAGE_BYTES || totalLength > MAX_MESSAGE_BYTES || headersLength > totalLength - MIN_MESSAGE_BYTES) {
            throw corrupt("a message declares " + totalLength + " bytes with " + headersLength + " bytes of headers");
        }
        int restLength = (int) totalLength - PRELUDE_BYTES;
        if (rest.length < restLength) {
            rest = new byte[Math.max(restLength, Math.min(MAX_MESSAGE_BYTES, rest.length * 2))];
        }
        if (body.readNBytes(rest, 0, restLength) < restLength) {
            throw cut();
        }
        int crcOffset = restLength - 4;
        crc.update(prelude, 8, 4);
        crc.update(rest, 0, crcOffset);
        if (crc.getValue() != uint32(rest, crcOffset)) {
            throw corrupt("a message checksum does not match");
        }
        Map<String, Object> headers = headers((int) headersLength);
        return new EventStreamMessage(headers, Arrays.copyOfRange(rest, (int) headersLength, crcOffset));
    }

    private Map<String, Object> headers(int length)
    {
        ByteBuffer headers = ByteBuffer.wrap(rest, 0, length);
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            while (headers.hasRemaining()) {
                int nameLength = headers.get() & 0xFF;
                String name = utf8(headers, nameLength);
                int type = headers.get() & 0xFF;
                values.put(name, switch (type) {
                    case 0 -> Boolean.TRUE;
                    case 1 -> Boolean.FALSE;
                    case 2 -> headers.get();
                    case 3 -> headers.getShort();
                    case 4 -> headers.getInt();
                    case 5 -> headers.getLong();
                    case 6 -> {
                        byte[] bytes = new byte[headers.getShort() & 0xFFFF];
                        headers.get(bytes);
                        yield bytes;
                    }
                    case 7 -> utf8(headers, headers.getShort() & 0xFFFF);
                    case 8 -> Instant.ofEpochMilli(headers.getLong());
                    case 9 -> new UUID(headers.getLong(), headers.getLong());
                    default -> throw corrupt("header '" + name + "' has the unknown value type " + type);
                });
            }
        }
        catch (BufferUnderflowException e) {
            throw corrupt("a header runs past the headers' declared length");
        }
        return values;
    }

    private static String utf8(ByteBuffer buffer, int length)
    {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long uint32(byte[] bytes, int offset)
    {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16) | ((bytes[offset + 2] & 0xFFL) << 8)
                | (bytes[offset + 3] & 0xFFL);
    }

    private ProviderException cut()
    {
        return new ProviderException(ErrorKind.UNAVAILABLE, "the event stream from " + source + " was cut in the middle of a message");
    }

    private ProviderException corrupt(String what)
    {
        return new ProviderException(ErrorKind.UPSTREAM_SERVER, "the event stream from " + source + " is corrupt: " + what);
    }
}
