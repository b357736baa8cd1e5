package io.junction.kernel.callback;

import io.junction.kernel.plugin.PluginFaults;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.RequestLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hands each request's log event to every configured callback, each through its own bounded queue and thread. */
public final class CallbackDispatcher
        implements AutoCloseable
{
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    private final List<CallbackWorker> workers = new ArrayList<>();
    private final PluginFaults faults;
    private final int queueCapacity;

    public CallbackDispatcher(PluginFaults faults, int queueCapacity)
    {
        this.faults = faults;
        this.queueCapacity = queueCapacity;
    }

    public void add(String name, String pluginId, Callback callback)
    {
        CallbackWorker worker = new CallbackWorker(name, pluginId, callback, faults, queueCapacity);
        workers.add(worker);
        worker.start();
    }

    /** Never blocks: a full queue drops the event for that callback and counts it. */
    public void publish(RequestLogEvent event)
    {
        for (CallbackWorker worker : workers) {
            worker.offer(event);
        }
    }

    /** Events dropped per callback because it could not keep up. */
    public Map<String, Long> dropped()
    {
        Map<String, Long> dropped = new TreeMap<>();
        workers.forEach(worker -> dropped.put(worker.name(), worker.dropped()));
        return dropped;
    }

    @Override
    public void close()
    {
        long deadline = System.currentTimeMillis() + 5_000;
        for (CallbackWorker worker : workers) {
            worker.stop(deadline - System.currentTimeMillis());
        }
    }
}
