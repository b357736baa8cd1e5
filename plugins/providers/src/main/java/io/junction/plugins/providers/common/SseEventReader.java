package io.junction.plugins.providers.common;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the {@code data} of server-sent events from a body as it arrives, following the WHATWG event-stream rules
 * the way OpenAI uses them: lines end with LF, CRLF or CR; a line starting with {@code :} is a comment; {@code data}
 * lines of one event are joined by LF; other fields ({@code event}, {@code id}, {@code retry}) are ignored; a blank
 * line ends the event. Memory is bounded: one read buffer and two reused line buffers, capped per event.
 */
public final class SseEventReader
{
    public static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final InputStream body;
    private final byte[] input = new byte[8192];
    private int inputPosition;
    private int inputLimit;
    // the previous line ended with CR: an LF right after it belongs to that line ending
    private boolean skipLineFeed;

    private byte[] line = new byte[512];
    private int lineLength;
    private byte[] data = new byte[512];
    private int dataLength;
    private boolean hasData;

    public SseEventReader(InputStream body)
    {
        this.body = body;
    }

    /**
     * The data of the next event, or null when the body ends. An event the end cuts off is dropped, as the
     * event-stream rules say, except a final {@code [DONE]} that lacks only its blank line.
     */
    public byte[] nextData()
            throws IOException
    {
        while (true) {
            boolean complete = readLine();
            if (!complete) {
                if (lineLength > 0) {
                    acceptField();
                }
                return hasData && Arrays.equals(data, 0, dataLength, DONE, 0, DONE.length) ? takeData() : null;
            }
            if (lineLength == 0) {
                if (hasData) {
                    return takeData();
                }
            }
            else if (line[0] != ':') {
                acceptField();
            }
        }
    }

    private byte[] takeData()
    {
        byte[] payload = Arrays.copyOf(data, dataLength);
        dataLength = 0;
        hasData = false;
        return payload;
    }

    /** Adds a {@code data} line's value to the event; other fields are of no use to the gateway. */
    private void acceptField()
    {
        int colon = indexOf(line, lineLength, (byte) ':');
        int nameLength = colon < 0 ? lineLength : colon;
        if (nameLength != DATA.length || !Arrays.equals(line, 0, nameLength, DATA, 0, DATA.length)) {
            return;
        }
        int valueStart = colon < 0 ? lineLength : colon + 1;
        if (valueStart < lineLength && line[valueStart] == ' ') {
            valueStart++;
        }
        int valueLength = lineLength - valueStart;
        if (hasData) {
            data = append(data, dataLength, new byte[] {'\n'}, 0, 1);
            dataLength++;
        }
        data = append(data, dataLength, line, valueStart, valueLength);
        dataLength += valueLength;
        hasData = true;
    }

    /**
     * Reads the next line into {@code line}, without its ending.
     *
     * @return false when the body ended first; {@code line} then holds the unterminated rest, if any
     */
    private boolean readLine()
            throws IOException
    {
        lineLength = 0;
        while (true) {
            if (inputPosition == inputLimit) {
                int count = body.read(input, 0, input.length);
                if (count < 0) {
                    return false;
                }
                inputPosition = 0;
                inputLimit = count;
                continue;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (input[inputPosition] == '\n') {
                    inputPosition++;
                    continue;
                }
            }
            int end = inputPosition;
            while (end < inputLimit && input[end] != '\n' && input[end] != '\r') {
                end++;
            }
            line = append(line, lineLength, input, inputPosition, end - inputPosition);
            lineLength += end - inputPosition;
            if (end < inputLimit) {
                skipLineFeed = input[end] == '\r';
                inputPosition = end + 1;
                return true;
            }
            inputPosition = end;
        }
    }

    /** Appends to a reused buffer, growing it (up to the event cap) only when a longer line or event comes. */
    private static byte[] append(byte[] buffer, int length, byte[] source, int offset, int count)
    {
        int needed = length + count;
        if (needed > MAX_EVENT_BYTES) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER,
                    "the upstream stream sent an event larger than " + (MAX_EVENT_BYTES >> 20) + " MiB");
        }
        byte[] target = buffer;
        if (needed > buffer.length) {
            target = Arrays.copyOf(buffer, Math.min(MAX_EVENT_BYTES, Math.max(needed, buffer.length * 2)));
        }
        System.arraycopy(source, offset, target, length, count);
        return target;
    }

    private static int indexOf(byte[] bytes, int length, byte wanted)
    {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
