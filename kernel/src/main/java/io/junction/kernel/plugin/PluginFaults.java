package io.junction.kernel.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and logs exceptions thrown by plugin code, by plugin id. Logging is thinned out (the first few, then every
 * thousandth) so a plugin that fails on every request cannot flood the log.
 */
public final class PluginFaults
{
    private static final Logger log = LoggerFactory.getLogger(PluginFaults.class);
    private static final int ALWAYS_LOGGED = 10;
    private static final int THEN_ONE_IN = 1000;

    private final Map<String, LongAdder> faultsByPlugin = new ConcurrentHashMap<>();

    public void record(String pluginId, String operation, Throwable fault)
    {
        LongAdder counter = faultsByPlugin.computeIfAbsent(pluginId, id -> new LongAdder());
        counter.increment();
        long count = counter.sum();
        if (count <= ALWAYS_LOGGED || count % THEN_ONE_IN == 0) {
            log.warn("Plugin '{}' failed in {} (fault #{} of this plugin)", pluginId, operation, count, fault);
        }
    }

    public Map<String, Long> snapshot()
    {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        faultsByPlugin.forEach((id, counter) -> snapshot.put(id, counter.sum()));
        return snapshot;
    }
}
