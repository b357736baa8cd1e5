package io.junction.plugins.providers.ollama;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited JSON ({@code application/x-ndjson}) one line at a time as the body arrives. Memory is
 * bounded: one read buffer and one reused line buffer, capped per line.
 */
final class NdjsonLineReader
{
    // Ollama's last /api/generate line carries the whole context as token ids: allow for long conversations
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream body;
    private final byte[] input = new byte[8192];
    private int inputPosition;
    private int inputLimit;
    private byte[] line = new byte[1024];
    private int lineLength;
    private boolean lastUnterminated;

    NdjsonLineReader(InputStream body)
    {
        this.body = body;
    }

    /** The next non-blank line without its line ending, or null when the body has ended. */
    byte[] nextLine()
            throws IOException
    {
        while (true) {
            boolean terminated = readLine();
            int end = lineLength;
            if (end > 0 && line[end - 1] == '\r') {
                end--;
            }
            if (isBlank(line, end)) {
                if (!terminated) {
                    return null;
                }
                continue;
            }
            lastUnterminated = !terminated;
            return Arrays.copyOf(line, end);
        }
    }

    /** Whether the line {@link #nextLine()} returned last ended with the body rather than a newline: a cut, maybe. */
    boolean lastLineUnterminated()
    {
        return lastUnterminated;
    }

    /** Reads up to the next LF into {@code line}; false when the body ended first. */
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
            int end = inputPosition;
            while (end < inputLimit && input[end] != '\n') {
                end++;
            }
            append(end - inputPosition);
            if (end < inputLimit) {
                inputPosition = end + 1;
                return true;
            }
            inputPosition = end;
        }
    }

    private void append(int count)
    {
        int needed = lineLength + count;
        if (needed > MAX_LINE_BYTES) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "the upstream stream sent a line larger than " + (MAX_LINE_BYTES >> 20) + " MiB");
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(needed, line.length * 2)));
        }
        System.arraycopy(input, inputPosition, line, lineLength, count);
        lineLength = needed;
    }

    private static boolean isBlank(byte[] bytes, int length)
    {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
