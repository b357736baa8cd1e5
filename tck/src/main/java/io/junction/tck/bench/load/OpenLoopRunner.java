package io.junction.tck.bench.load;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests on a fixed grid of intended times ({@link OpenLoopSchedule}), never waiting for answers before the
 * next send, and measures each answer from its intended time. When the sender falls behind (the target stalls, the
 * connection limit is reached, the generator is late) the requests are sent as soon as possible and their latency still
 * counts from when they should have left: a stall shows up in every request that should have been sent during it.
 * <p>
 * The warm-up requests come first on the same grid and are not recorded.
 */
public final class OpenLoopRunner
{
    // leaves time to set up before the first intended send, so request 0 is not late by construction
    private static final long START_DELAY_NANOS = 2_000_000;
    private static final long DRAIN_POLL_NANOS = 5_000_000;
    private static final int PROGRESS_EVERY = 256;

    private final Ticker ticker;

    public OpenLoopRunner(Ticker ticker)
    {
        this.ticker = Objects.requireNonNull(ticker, "ticker is null");
    }

    public PhaseMeasurement run(LoadSpec spec, RequestSender sender, PhaseListener listener)
            throws InterruptedException
    {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(sender, "sender is null");
        Objects.requireNonNull(listener, "listener is null");
        OpenLoopSchedule schedule = new OpenLoopSchedule(ticker.nanoTime() + START_DELAY_NANOS, spec.ratePerSecond());
        long warmup = spec.warmupRequests();
        long total = spec.totalRequests();
        PhaseRecorder recorder = new PhaseRecorder();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong peakInFlight = new AtomicLong();
        long lastIntended = schedule.startNanos();
        for (long index = 0; index < total; index++) {
            long intended = schedule.intendedNanos(index);
            lastIntended = intended;
            ticker.sleepUntil(intended);
            boolean measured = index >= warmup;
            if (index == warmup) {
                listener.measuring();
            }
            if (measured) {
                recorder.sent(intended, ticker.nanoTime());
            }
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sender.send(index, outcome -> {
                inFlight.decrementAndGet();
                if (measured) {
                    recorder.completed(intended, outcome);
                }
            });
            if (index % PROGRESS_EVERY == 0) {
                listener.progress(index + 1, total);
            }
        }
        listener.progress(total, total);
        long drainDeadline = Math.max(ticker.nanoTime(), lastIntended) + spec.drainTimeout().toNanos();
        while (inFlight.get() > 0 && ticker.nanoTime() < drainDeadline) {
            ticker.sleepUntil(Math.min(drainDeadline, ticker.nanoTime() + DRAIN_POLL_NANOS));
        }
        long windowNanos = Math.round(spec.measuredRequests() * schedule.intervalNanos());
        return recorder.measurement(spec.ratePerSecond(), windowNanos, peakInFlight.get());
    }
}
