package io.junction.kernel.http;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.Usage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstChunkWaiterTest
{
    private static final Duration INTERVAL = Duration.ofMillis(5);
    private static final byte[] CHUNK = "{\"choices\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsTheClientAliveUntilTheFirstChunkArrives()
            throws IOException
    {
        CountDownLatch twoKeepAlives = new CountDownLatch(2);
        AtomicInteger ticks = new AtomicInteger();
        ChunkStream slowFirstToken = stream(() -> {
            await(twoKeepAlives);
            return CHUNK;
        }, new AtomicBoolean());

        byte[] first = FirstChunkWaiter.await(slowFirstToken, INTERVAL, () -> {
            ticks.incrementAndGet();
            twoKeepAlives.countDown();
        });

        assertArrayEquals(CHUNK, first);
        assertTrue(ticks.get() >= 2, "the first chunk came only after two keep-alives were written");
    }

    @Test
    void aQuickFirstChunkNeedsNoKeepAlive()
            throws IOException
    {
        byte[] first = FirstChunkWaiter.await(stream(() -> CHUNK, new AtomicBoolean()), Duration.ofMinutes(1), () -> {
            throw new AssertionError("no keep-alive expected");
        });

        assertArrayEquals(CHUNK, first);
    }

    @Test
    void passesOnTheStreamsFailure()
    {
        ChunkStream failing = stream(() -> {
            throw new ProviderException(ErrorKind.RATE_LIMITED, "slow down");
        }, new AtomicBoolean());

        ProviderException failure = assertThrows(ProviderException.class, () -> FirstChunkWaiter.await(failing, INTERVAL, () -> {}));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind());
    }

    @Test
    void aClientThatLeftWhileWaitingClosesTheUpstreamStream()
    {
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch released = new CountDownLatch(1);
        ChunkStream neverAnswers = stream(() -> {
            await(released);
            return null;
        }, closed);

        assertThrows(IOException.class, () -> FirstChunkWaiter.await(neverAnswers, INTERVAL, () -> {
            throw new IOException("broken pipe");
        }));
        released.countDown();

        assertTrue(closed.get(), "closing the chunk stream aborts the upstream read");
    }

    @Test
    void zeroIntervalReadsOnTheCallersThread()
            throws IOException
    {
        Thread caller = Thread.currentThread();
        byte[] first = FirstChunkWaiter.await(stream(() -> {
            assertEquals(caller, Thread.currentThread());
            return CHUNK;
        }, new AtomicBoolean()), Duration.ZERO, () -> {});

        assertArrayEquals(CHUNK, first);
    }

    private static void await(CountDownLatch latch)
    {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the latch was never released");
            }
        }
        catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static ChunkStream stream(Supplier<byte[]> first, AtomicBoolean closed)
    {
        return new ChunkStream()
        {
            @Override
            public byte[] next()
            {
                return first.get();
            }

            @Override
            public Usage usage()
            {
                return Usage.UNKNOWN;
            }

            @Override
            public void close()
            {
                closed.set(true);
            }
        };
    }
}
