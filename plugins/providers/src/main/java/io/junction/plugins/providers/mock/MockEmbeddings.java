package io.junction.plugins.providers.mock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Deterministic unit-length vectors: the same text always gives the same vector, on every machine and JDK, so
 * caches and tests keyed on embeddings behave as with a real model. Different texts give unrelated vectors.
 */
final class MockEmbeddings
{
    private MockEmbeddings() {}

    static float[] vector(String text, int dimensions)
    {
        long state = fnv1a(text.getBytes(StandardCharsets.UTF_8));
        double[] values = new double[dimensions];
        double sumOfSquares = 0;
        for (int i = 0; i < dimensions; i++) {
            state += 0x9E3779B97F4A7C15L;
            // SplitMix64: fully specified here, unlike java.util.Random's algorithms across versions
            long mixed = state;
            mixed = (mixed ^ (mixed >>> 30)) * 0xBF58476D1CE4E5B9L;
            mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
            mixed = mixed ^ (mixed >>> 31);
            double value = (mixed >>> 11) * 0x1.0p-53 * 2 - 1;
            values[i] = value;
            sumOfSquares += value * value;
        }
        double norm = Math.sqrt(sumOfSquares);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = norm == 0 ? (i == 0 ? 1f : 0f) : (float) (values[i] / norm);
        }
        return vector;
    }

    /** OpenAI's {@code encoding_format: base64}: the float32 values, little-endian, in base64. */
    static String base64(float[] vector)
    {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static long fnv1a(byte[] bytes)
    {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
