package io.junction.tck.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Request bodies built before the load starts, so the generator spends nothing on them: LiteLLM's locust load test
 * ({@code fake-openai-endpoint}, one user message of a uuid and a sentence repeated 150 times, user
 * {@code my-new-end-user-1}), one uuid per body so no two bodies of the pool are alike.
 */
public final class RequestBodies
{
    public static final String MODEL = "fake-openai-endpoint";
    public static final String USER = "my-new-end-user-1";
    static final String SENTENCE = " This is a test there will be no cache hits and we'll fill up the context";
    static final int REPETITIONS = 150;

    private final byte[][] pool;

    private RequestBodies(byte[][] pool)
    {
        this.pool = pool;
    }

    /**
     * @param distinct how many different bodies to cycle through: many for "no cache hits", few for cache hits
     * @param stream whether to ask for {@code "stream": true}
     */
    public static RequestBodies litellmLocust(int distinct, boolean stream, RandomGenerator random)
    {
        if (distinct < 1) {
            throw new IllegalArgumentException("need at least one distinct body but was " + distinct);
        }
        Objects.requireNonNull(random, "random is null");
        byte[][] pool = new byte[distinct][];
        for (int i = 0; i < distinct; i++) {
            pool[i] = body(uuid(random), stream).getBytes(StandardCharsets.UTF_8);
        }
        return new RequestBodies(pool);
    }

    static String body(String uuid, boolean stream)
    {
        String content = (uuid + SENTENCE).repeat(REPETITIONS);
        return "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}],\"user\":\"" + USER + "\""
                + (stream ? ",\"stream\":true" : "") + "}";
    }

    private static String uuid(RandomGenerator random)
    {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    public byte[] get(long index)
    {
        return pool[(int) Math.floorMod(index, (long) pool.length)];
    }

    public int distinct()
    {
        return pool.length;
    }

    public int bytesPerBody()
    {
        return pool[0].length;
    }
}
