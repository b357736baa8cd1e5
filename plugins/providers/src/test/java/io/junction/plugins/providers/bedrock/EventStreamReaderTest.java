package io.junction.plugins.providers.bedrock;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eventstream reader against the messages of awslabs/aws-c-event-stream's decoder tests (known bytes, known
 * checksums), every header value type, and each way a body can be broken.
 */
class EventStreamReaderTest
{
    /** aws-c-event-stream: the empty message (no headers, no payload). */
    private static final byte[] EMPTY_MESSAGE = bytes(0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff);
    /** aws-c-event-stream: a payload without headers. */
    private static final byte[] PAYLOAD_ONLY = concat(bytes(0x00, 0x00, 0x00, 0x1D, 0x00, 0x00, 0x00, 0x00, 0xfd, 0x52, 0x8c, 0x5a),
            "{'foo':'bar'}".getBytes(StandardCharsets.US_ASCII), bytes(0xc3, 0x65, 0x39, 0x36));
    /** aws-c-event-stream: one string header (content-type: application/json) and a payload. */
    private static final byte[] ONE_HEADER = concat(bytes(0x00, 0x00, 0x00, 0x3D, 0x00, 0x00, 0x00, 0x20, 0x07, 0xFD, 0x83, 0x96, 0x0C),
            "content-type".getBytes(StandardCharsets.US_ASCII), bytes(0x07, 0x00, 0x10),
            "application/json".getBytes(StandardCharsets.US_ASCII), "{'foo':'bar'}".getBytes(StandardCharsets.US_ASCII),
            bytes(0x8D, 0x9C, 0x08, 0xB1));

    @Test
    void readsAwsKnownMessagesAndThenTheCleanEnd()
            throws IOException
    {
        EventStreamReader reader = reader(concat(EMPTY_MESSAGE, PAYLOAD_ONLY, ONE_HEADER));

        EventStreamMessage empty = reader.next();
        assertEquals(Map.of(), empty.headers());
        assertEquals(0, empty.payload().length);

        EventStreamMessage payloadOnly = reader.next();
        assertEquals(Map.of(), payloadOnly.headers());
        assertEquals("{'foo':'bar'}", new String(payloadOnly.payload(), StandardCharsets.US_ASCII));

        EventStreamMessage oneHeader = reader.next();
        assertEquals(Map.of("content-type", "application/json"), oneHeader.headers());
        assertEquals("application/json", oneHeader.stringHeader("content-type").orElseThrow());
        assertEquals("{'foo':'bar'}", new String(oneHeader.payload(), StandardCharsets.US_ASCII));

        assertNull(reader.next());
    }

    @Test
    void theTestEncoderWritesTheKnownBytes()
    {
        assertArrayEquals(EMPTY_MESSAGE, EventStreamFrames.encode(new byte[0], new byte[0]));
        assertArrayEquals(ONE_HEADER, new EventStreamFrames().message(Map.of("content-type", "application/json"),
                "{'foo':'bar'}".getBytes(StandardCharsets.US_ASCII)).bytes());
    }

    @Test
    void decodesEveryHeaderValueType()
            throws IOException
    {
        UUID uuid = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, "t", 0, new byte[0]);
        header(headers, "f", 1, new byte[0]);
        header(headers, "b", 2, bytes(0xFE));
        header(headers, "s", 3, ByteBuffer.allocate(2).putShort((short) -2).array());
        header(headers, "i", 4, ByteBuffer.allocate(4).putInt(123_456).array());
        header(headers, "l", 5, ByteBuffer.allocate(8).putLong(1L << 40).array());
        header(headers, "bytes", 6, concat(bytes(0x00, 0x03), bytes(1, 2, 3)));
        header(headers, "str", 7, concat(bytes(0x00, 0x05), "héll".getBytes(StandardCharsets.UTF_8)));
        header(headers, "ts", 8, ByteBuffer.allocate(8).putLong(1_718_884_800_000L).array());
        header(headers, "id", 9, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());

        EventStreamMessage message = reader(EventStreamFrames.encode(headers.toByteArray(), bytes('x'))).next();

        assertEquals(true, message.headers().get("t"));
        assertEquals(false, message.headers().get("f"));
        assertEquals((byte) -2, message.headers().get("b"));
        assertEquals((short) -2, message.headers().get("s"));
        assertEquals(123_456, message.headers().get("i"));
        assertEquals(1L << 40, message.headers().get("l"));
        assertArrayEquals(bytes(1, 2, 3), (byte[]) message.headers().get("bytes"));
        assertEquals("héll", message.headers().get("str"));
        assertEquals(Instant.parse("2024-06-20T12:00:00Z"), message.headers().get("ts"));
        assertEquals(uuid, message.headers().get("id"));
        assertTrue(message.stringHeader("i").isEmpty(), "an int header is not a string");
    }

    @Test
    void readsMessagesThatArriveAByteAtATime()
            throws IOException
    {
        byte[] body = new EventStreamFrames().event("messageStart", "{\"role\":\"assistant\"}")
                .event("messageStop", "{\"stopReason\":\"end_turn\"}").bytes();
        EventStreamReader reader = new EventStreamReader(new TrickleInputStream(body), "bedrock");

        assertEquals("messageStart", reader.next().stringHeader(":event-type").orElseThrow());
        assertEquals("{\"stopReason\":\"end_turn\"}", new String(reader.next().payload(), StandardCharsets.UTF_8));
        assertNull(reader.next());
    }

    @Test
    void failsOnAMessageChecksumMismatch()
    {
        byte[] corrupted = ONE_HEADER.clone();
        corrupted[50] ^= 0x01; // a payload byte

        ProviderException failure = assertThrows(ProviderException.class, () -> reader(corrupted).next());

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
        assertTrue(failure.getMessage().contains("message checksum does not match"), failure.getMessage());
    }

    @Test
    void failsOnAPreludeChecksumMismatchBeforeTrustingTheLengths()
    {
        byte[] corrupted = ONE_HEADER.clone();
        corrupted[3] = 0x7F; // total length, not covered by a fixed-up prelude checksum

        ProviderException failure = assertThrows(ProviderException.class, () -> reader(corrupted).next());

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
        assertTrue(failure.getMessage().contains("prelude checksum"), failure.getMessage());
    }

    @Test
    void refusesADeclaredLengthBeyondTheCapWithoutAllocatingIt()
    {
        byte[] prelude = ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0).array();
        CRC32 crc = new CRC32();
        crc.update(prelude, 0, 8);
        ByteBuffer.wrap(prelude).putInt(8, (int) crc.getValue());

        ProviderException failure = assertThrows(ProviderException.class, () -> reader(prelude).next());

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
        assertTrue(failure.getMessage().contains("declares"), failure.getMessage());
    }

    @Test
    void failsWhenTheBodyEndsInsideAMessage()
    {
        for (int cut : new int[] {1, 11, 12, 40, ONE_HEADER.length - 1}) {
            byte[] truncated = Arrays.copyOf(ONE_HEADER, cut);

            ProviderException failure = assertThrows(ProviderException.class, () -> reader(truncated).next(), "cut at " + cut);

            assertEquals(ErrorKind.UNAVAILABLE, failure.kind());
            assertTrue(failure.getMessage().contains("cut in the middle of a message"), failure.getMessage());
        }
    }

    @Test
    void failsOnHeadersThatRunPastTheirLength()
    {
        // a string header whose value claims 200 bytes where 3 follow
        byte[] headers = concat(bytes(1, 'h', 7, 0x00, 200), "abc".getBytes(StandardCharsets.US_ASCII));

        ProviderException failure = assertThrows(ProviderException.class, () -> reader(EventStreamFrames.encode(headers, new byte[0])).next());

        assertEquals(ErrorKind.UPSTREAM_SERVER, failure.kind());
        assertTrue(failure.getMessage().contains("runs past"), failure.getMessage());
    }

    @Test
    void failsOnAnUnknownHeaderValueType()
    {
        byte[] headers = bytes(1, 'h', 42);

        ProviderException failure = assertThrows(ProviderException.class, () -> reader(EventStreamFrames.encode(headers, new byte[0])).next());

        assertTrue(failure.getMessage().contains("unknown value type 42"), failure.getMessage());
    }

    private static EventStreamReader reader(byte[] body)
    {
        return new EventStreamReader(new ByteArrayInputStream(body), "bedrock");
    }

    private static void header(ByteArrayOutputStream headers, String name, int type, byte[] value)
    {
        headers.write(name.length());
        headers.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        headers.write(type);
        headers.writeBytes(value);
    }

    private static byte[] bytes(int... values)
    {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Hands out one byte per read, as a slow network might. */
    private static final class TrickleInputStream
            extends InputStream
    {
        private final byte[] bytes;
        private int position;

        TrickleInputStream(byte[] bytes)
        {
            this.bytes = bytes;
        }

        @Override
        public int read()
        {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length)
        {
            if (length == 0) {
                return 0;
            }
            int next = read();
            if (next < 0) {
                return -1;
            }
            target[offset] = (byte) next;
            return 1;
        }
    }
}
