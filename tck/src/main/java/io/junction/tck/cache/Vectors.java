package io.junction.tck.cache;

import io.junction.tck.kit.SeededRandom;

import java.util.random.RandomGenerator;

/**
 * The embeddings the cache kit hands a semantic cache: a prompt's, a near duplicate's (cosine similarity about
 * 0.99) and an unrelated prompt's (orthogonal), all unit length and reproducible for any dimension.
 */
final class Vectors
{
    private final float[] base;
    private final float[] nearDuplicate;
    private final float[] unrelated;

    Vectors(int dimensions)
    {
        if (dimensions < 2) {
            throw new IllegalArgumentException("embeddings need at least 2 dimensions, not " + dimensions);
        }
        RandomGenerator random = new SeededRandom(dimensions);
        double[] prompt = gaussian(random, dimensions);
        normalize(prompt);
        double[] noise = gaussian(random, dimensions);
        normalize(noise);
        double[] near = new double[dimensions];
        double[] other = gaussian(random, dimensions);
        double along = dot(other, prompt);
        for (int i = 0; i < dimensions; i++) {
            near[i] = prompt[i] + 0.12 * noise[i];
            // Gram-Schmidt: remove the prompt's direction, leaving an orthogonal vector
            other[i] -= along * prompt[i];
        }
        normalize(near);
        normalize(other);
        this.base = toFloats(prompt);
        this.nearDuplicate = toFloats(near);
        this.unrelated = toFloats(other);
    }

    float[] base()
    {
        return base.clone();
    }

    float[] nearDuplicate()
    {
        return nearDuplicate.clone();
    }

    float[] unrelated()
    {
        return unrelated.clone();
    }

    /** A random unit vector: unrelated to any other, in practice, for 16 or more dimensions. */
    static float[] random(RandomGenerator random, int dimensions)
    {
        double[] vector = gaussian(random, dimensions);
        normalize(vector);
        return toFloats(vector);
    }

    static double cosine(float[] a, float[] b)
    {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    private static double[] gaussian(RandomGenerator random, int dimensions)
    {
        double[] vector = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = random.nextGaussian();
        }
        return vector;
    }

    private static double dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void normalize(double[] vector)
    {
        double norm = Math.sqrt(dot(vector, vector));
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
    }

    private static float[] toFloats(double[] vector)
    {
        float[] floats = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            floats[i] = (float) vector[i];
        }
        return floats;
    }
}
