package io.junction.kernel.callback;

import io.junction.kernel.plugin.PluginFaults;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.RequestLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feeds one callback from a bounded queue on its own thread, in batches. The request path only offers to the queue:
 * when the callback falls behind and the queue is full, the event is dropped and counted, never waited for.
 */
final class CallbackWorker
{
    private static final int MAX_BATCH = 512;

    private final String name;
    private final String pluginId;
    private final Callback callback;
    private final PluginFaults faults;
    private final BlockingQueue<RequestLogEvent> queue;
    private final LongAdder dropped = new LongAdder();
    private final Thread thread;
    private volatile boolean stopping;

    CallbackWorker(String name, String pluginId, Callback callback, PluginFaults faults, int capacity)
    {
        this.name = name;
        this.pluginId = pluginId;
        this.callback = callback;
        this.faults = faults;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().daemon().name("junction-callback-" + name).unstarted(this::run);
    }

    void start()
    {
        thread.start();
    }

    void offer(RequestLogEvent event)
    {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    String name()
    {
        return name;
    }

    long dropped()
    {
        return dropped.sum();
    }

    private void run()
    {
        List<RequestLogEvent> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                RequestLogEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                deliver(batch);
            }
            catch (InterruptedException e) {
                stopping = true;
            }
            finally {
                batch.clear();
            }
        }
    }

    private void deliver(List<RequestLogEvent> batch)
    {
        try {
            callback.onEvents(List.copyOf(batch));
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "callback '" + name + "' onEvents", e);
        }
    }

    /** Delivers what is queued (within the deadline), then closes the callback. */
    void stop(long deadlineMillis)
    {
        stopping = true;
        try {
            thread.join(Math.max(1, deadlineMillis));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        try {
            callback.close();
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "callback '" + name + "' close", e);
        }
    }
}
