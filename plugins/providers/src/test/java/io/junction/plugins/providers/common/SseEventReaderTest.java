package io.junction.plugins.providers.common;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event-stream rules, including lines split across reads as they arrive from the network. */
class SseEventReaderTest
{
    @Test
    void readsDataOfEachEventAndIgnoresOtherFields()
    {
        String stream = ": keep-alive\n\nevent: message\nid: 7\nretry: 1000\ndata: {\"a\":1}\n\ndata:{\"b\":2}\n\ndata: [DONE]\n\n";

        assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "[DONE]"), readAll(stream, Integer.MAX_VALUE));
    }

    @Test
    void joinsMultiLineDataWithLineFeeds()
    {
        assertEquals(List.of("{\"a\":\n1}", "x"), readAll("data: {\"a\":\ndata: 1}\n\ndata: x\n\n", Integer.MAX_VALUE));
    }

    @Test
    void acceptsEveryLineEnding()
    {
        assertEquals(List.of("one", "two", "three"), readAll("data: one\r\n\r\ndata: two\r\rdata: three\n\n", Integer.MAX_VALUE));
    }

    @Test
    void handlesLinesAndLineEndingsSplitAcrossReads()
    {
        String stream = "data: {\"content\":\"h\u00e9llo\"}\r\n\r\n: ping\r\n\r\ndata: [DONE]\r\n\r\n";

        assertEquals(List.of("{\"content\":\"h\u00e9llo\"}", "[DONE]"), readAll(stream, 1));
    }

    @Test
    void dropsAnEventCutOffByTheEnd()
    {
        assertEquals(List.of("whole"), readAll("data: whole\n\ndata: {\"half\":", Integer.MAX_VALUE));
        assertEquals(List.of("whole"), readAll("data: whole\n\ndata: complete line\n", Integer.MAX_VALUE));
    }

    @Test
    void acceptsAFinalDoneWithoutItsBlankLine()
    {
        assertEquals(List.of("a", "[DONE]"), readAll("data: a\n\ndata: [DONE]", Integer.MAX_VALUE));
    }

    @Test
    void growsItsBuffersForALongEvent()
    {
        String big = "x".repeat(100_000);

        assertEquals(List.of(big, "y"), readAll("data: " + big + "\n\ndata: y\n\n", 8192));
    }

    private static List<String> readAll(String stream, int maxBytesPerRead)
    {
        SseEventReader reader = new SseEventReader(new TrickleInputStream(stream.getBytes(StandardCharsets.UTF_8), maxBytesPerRead));
        List<String> events = new ArrayList<>();
        try {
            for (byte[] data = reader.nextData(); data != null; data = reader.nextData()) {
                events.add(new String(data, StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /** Hands out at most a few bytes per read, as a slow network does. */
    private static final class TrickleInputStream
            extends InputStream
    {
        private final ByteArrayInputStream bytes;
        private final int maxBytesPerRead;

        TrickleInputStream(byte[] bytes, int maxBytesPerRead)
        {
            this.bytes = new ByteArrayInputStream(bytes);
            this.maxBytesPerRead = maxBytesPerRead;
        }

        @Override
        public int read()
        {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
        {
            return bytes.read(buffer, offset, Math.min(length, maxBytesPerRead));
        }
    }
}
