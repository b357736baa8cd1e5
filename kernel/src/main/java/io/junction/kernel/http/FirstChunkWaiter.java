package io.junction.kernel.http;

import io.junction.kernel.upstream.UpstreamTime;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the first chunk of a stream while keeping the client's connection alive. A model that thinks for minutes
 * before its first token would otherwise leave the connection silent long enough for an idle proxy or load balancer
 * (often 60 s) to cut it. The chunk is read on a helper virtual thread so that the request's own thread stays free to
 * write SSE comment lines at each interval; all writes to the client stay on the request's thread.
 */
final class FirstChunkWaiter
{
    /** What to do at each interval without a first chunk; the first call commits the response. */
    interface KeepAlive
    {
        void tick()
                throws IOException;
    }

    private FirstChunkWaiter() {}

    /**
     * @param interval how long to wait between keep-alives; zero or negative reads the first chunk without any
     * @return the first chunk, or null when the stream ended before any
     * @throws ProviderException as {@link ChunkStream#next()} throws it
     * @throws IOException when a keep-alive cannot be written: the client is gone
     */
    static byte[] await(ChunkStream chunks, Duration interval, KeepAlive keepAlive)
            throws IOException
    {
        if (interval.isZero() || interval.isNegative()) {
            return chunks.next();
        }
        UpstreamTime requestTime = UpstreamTime.current();
        CompletableFuture<byte[]> first = new CompletableFuture<>();
        Thread.ofVirtual().name("junction-first-chunk").start(() -> {
            UpstreamTime.attach(requestTime);
            try {
                first.complete(chunks.next());
            }
            catch (Throwable e) {
                first.completeExceptionally(e);
            }
            finally {
                UpstreamTime.end();
            }
        });
        while (true) {
            try {
                return first.get(interval.toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException e) {
                try {
                    keepAlive.tick();
                }
                catch (IOException | RuntimeException writeFailure) {
                    // closing the stream aborts the upstream read the helper is blocked in
                    chunks.close();
                    throw writeFailure;
                }
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new ProviderException(ErrorKind.INTERNAL, "reading the first chunk failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
            }
            catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
                chunks.close();
                throw new ProviderException(ErrorKind.TIMEOUT, "the wait for the first chunk was interrupted", e);
            }
        }
    }
}
