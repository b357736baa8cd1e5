package io.junction.tck.callback;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.callback.HttpRoute;
import io.junction.spi.callback.RequestLogEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A callback written to pass the callback kit: it buffers events and delivers their call ids to a sink in batches
 * (and on close), and serves {@code /tck-recorder/stats} with counts per model group. Each {@link Fault} breaks
 * exactly one rule, for the kit's tests of itself.
 */
final class ReferenceCallback
{
    static final String NAME = "tck-recorder";
    static final String SINK = "tck_recorder_sink";
    static final String BATCH_SIZE = "tck_recorder_batch_size";
    static final String TOKEN = "tck_recorder_token";

    /** The destinations, by the id a test passes in {@link #SINK}: what "delivered" means. */
    static final Map<String, Set<String>> SINKS = new ConcurrentHashMap<>();

    private ReferenceCallback() {}

    enum Fault
    {
        NONE,
        /** CB1 */ NAME_NOT_WELL_FORMED,
        /** CB2 */ EMPTY_BATCH_THROWS,
        /** CB3 */ LARGE_BATCH_THROWS,
        /** CB4 */ NEEDS_EVERY_FIELD,
        /** CB5 */ ROUTE_UNDER_V1,
        /** CB6 */ ROUTE_RACES_EVENTS,
        /** CB7 */ ROUTE_SHOWS_CALLERS,
        /** CB8 */ CLOSE_DROPS_THE_BUFFER,
        /** CB9 */ SECOND_CLOSE_THROWS,
        /** CB10 */ ACCEPTS_A_ZERO_BATCH
    }

    static final class Factory
            implements CallbackFactory
    {
        private final Fault fault;

        Factory(Fault fault)
        {
            this.fault = fault;
        }

        @Override
        public String name()
        {
            return fault == Fault.NAME_NOT_WELL_FORMED ? "TCK Recorder" : NAME;
        }

        @Override
        public Set<String> secretKeys()
        {
            return Set.of(TOKEN);
        }

        @Override
        public Callback create(ConfigView settings, CallbackContext context)
        {
            long batchSize = settings.integer(BATCH_SIZE).orElse(10L);
            if (batchSize < 1 && fault != Fault.ACCEPTS_A_ZERO_BATCH) {
                throw new ConfigException(settings.keyPath(BATCH_SIZE), "must be at least 1 but was " + batchSize + ".");
            }
            Set<String> sink = SINKS.computeIfAbsent(settings.string(SINK).orElse("default"), id -> ConcurrentHashMap.newKeySet());
            return new Recorder(fault, (int) Math.max(1, batchSize), sink);
        }
    }

    private static final class Recorder
            implements Callback
    {
        private final Fault fault;
        private final int batchSize;
        private final Set<String> sink;
        private final List<String> buffer = new ArrayList<>();
        private final Map<String, LongAdder> byModelGroup = new ConcurrentHashMap<>();
        // the leaky variant's record of recent callers, shown by the route
        private final List<String> recentCallers = new ArrayList<>();
        private final AtomicBoolean delivering = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final HttpRoute route;

        Recorder(Fault fault, int batchSize, Set<String> sink)
        {
            this.fault = fault;
            this.batchSize = batchSize;
            this.sink = sink;
            this.route = new HttpRoute(fault == Fault.ROUTE_UNDER_V1 ? "/v1/tck-recorder" : "/tck-recorder/stats", "text/plain; charset=utf-8", false,
                    this::stats);
        }

        @Override
        public synchronized void onEvents(List<RequestLogEvent> events)
        {
            delivering.set(true);
            try {
                record(events);
            }
            finally {
                delivering.set(false);
            }
        }

        private void record(List<RequestLogEvent> events)
        {
            if (fault == Fault.EMPTY_BATCH_THROWS) {
                events.getFirst();
            }
            if (fault == Fault.LARGE_BATCH_THROWS && events.size() > 1_000) {
                throw new IllegalArgumentException("batches of more than 1000 events are not supported");
            }
            for (RequestLogEvent event : events) {
                if (fault == Fault.NEEDS_EVERY_FIELD) {
                    event.deploymentId().orElseThrow().length();
                }
                byModelGroup.computeIfAbsent(event.modelGroup(), group -> new LongAdder()).increment();
                if (fault == Fault.ROUTE_SHOWS_CALLERS) {
                    recentCallers.add(event.caller().orElse("-"));
                    if (recentCallers.size() > 500) {
                        recentCallers.removeFirst();
                    }
                }
                buffer.add(event.callId());
                if (buffer.size() >= batchSize) {
                    flush();
                }
            }
        }

        private void flush()
        {
            sink.addAll(buffer);
            buffer.clear();
        }

        private byte[] stats()
        {
            StringBuilder text = new StringBuilder();
            byModelGroup.forEach((group, count) -> text.append("events{model_group=\"").append(group).append("\"} ").append(count.sum()).append('\n'));
            if (fault == Fault.ROUTE_RACES_EVENTS && delivering.get()) {
                // what reading an unguarded structure while onEvents() writes it does, now and then; here whenever the
                // two overlap, which is what the kit must make happen
                throw new ConcurrentModificationException("the route read the recent calls while onEvents() was writing them");
            }
            if (fault == Fault.ROUTE_SHOWS_CALLERS) {
                synchronized (this) {
                    text.append("callers ").append(String.join(",", Set.copyOf(recentCallers))).append('\n');
                }
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<HttpRoute> routes()
        {
            return List.of(route);
        }

        @Override
        public synchronized void close()
        {
            if (!closed.compareAndSet(false, true)) {
                if (fault == Fault.SECOND_CLOSE_THROWS) {
                    throw new IllegalStateException("already closed");
                }
                return;
            }
            if (fault != Fault.CLOSE_DROPS_THE_BUFFER) {
                flush();
            }
        }
    }
}
