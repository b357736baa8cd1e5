package io.junction.tck.bench.stats;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/** Latency histograms of the benchmark: microseconds, 3 significant digits, up to one hour. */
public final class Histograms
{
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private Histograms() {}

    /** For recording from many threads at once (the client's completion callbacks). */
    public static Histogram concurrent()
    {
        return new ConcurrentHistogram(1, HIGHEST_MICROS, 3);
    }

    public static Histogram single()
    {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    public static void recordNanos(Histogram histogram, long nanos)
    {
        recordMicros(histogram, Math.round(nanos / 1000.0));
    }

    public static void recordMicros(Histogram histogram, long micros)
    {
        histogram.recordValue(Math.clamp(micros, 0, HIGHEST_MICROS));
    }

    /** A copy that is safe to read while the original is still being recorded into. */
    public static Histogram snapshot(Histogram histogram)
    {
        Histogram copy = single();
        copy.add(histogram);
        return copy;
    }

    /** HdrHistogram's compressed encoding in base64, so a report can carry the whole distribution. */
    public static String encode(Histogram histogram)
    {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    public static Histogram decode(String base64)
    {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        }
        catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
        }
    }
}
