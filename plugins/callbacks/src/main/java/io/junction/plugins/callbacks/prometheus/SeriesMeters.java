package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.ErrorKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static io.junction.plugins.callbacks.prometheus.MetricNames.CACHE_HITS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.ERROR;
import static io.junction.plugins.callbacks.prometheus.MetricNames.FIRST_TOKEN_BUCKETS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.OVERHEAD;
import static io.junction.plugins.callbacks.prometheus.MetricNames.OVERHEAD_BUCKETS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.REQUESTS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.REQUEST_BUCKETS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.REQUEST_DURATION;
import static io.junction.plugins.callbacks.prometheus.MetricNames.REQUEST_ERRORS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.STATUS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.TIME_TO_FIRST_TOKEN;
import static io.junction.plugins.callbacks.prometheus.MetricNames.TOKENS;
import static io.junction.plugins.callbacks.prometheus.MetricNames.TYPE;

/**
 * The meters of one (model group, deployment) pair, registered the first time each is needed and then held, so
 * recording an event costs field reads and at most a map lookup instead of a registry lookup.
 */
final class SeriesMeters
{
    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<Integer, Counter> requestsByStatus = new ConcurrentHashMap<>();
    private final Map<ErrorKind, Counter> errorsByKind = new ConcurrentHashMap<>();
    private final Lazy<Timer> duration;
    private final Lazy<Timer> overhead;
    private final Lazy<Timer> timeToFirstToken;
    private final Lazy<Counter> promptTokens;
    private final Lazy<Counter> completionTokens;
    private final Lazy<Counter> cacheHits;

    SeriesMeters(MeterRegistry registry, Tags tags)
    {
        this.registry = registry;
        this.tags = tags;
        this.duration = new Lazy<>(() -> timer(REQUEST_DURATION, "From a request's arrival to its last byte sent", REQUEST_BUCKETS));
        this.overhead = new Lazy<>(() -> timer(OVERHEAD, "The gateway's own share of a request's duration", OVERHEAD_BUCKETS));
        this.timeToFirstToken = new Lazy<>(() -> timer(TIME_TO_FIRST_TOKEN, "From a streamed request's arrival to its first chunk sent", FIRST_TOKEN_BUCKETS));
        this.promptTokens = new Lazy<>(() -> tokens("prompt"));
        this.completionTokens = new Lazy<>(() -> tokens("completion"));
        this.cacheHits = new Lazy<>(() -> Counter.builder(CACHE_HITS)
                .description("Requests answered from the response cache")
                .tags(tags)
                .register(registry));
    }

    Counter requests(int status)
    {
        Counter counter = requestsByStatus.get(status);
        if (counter == null) {
            counter = requestsByStatus.computeIfAbsent(status, code -> Counter.builder(REQUESTS)
                    .description("Requests by HTTP status sent to the client")
                    .tags(tags)
                    .tag(STATUS, Integer.toString(code))
                    .register(registry));
        }
        return counter;
    }

    Counter errors(ErrorKind kind)
    {
        Counter counter = errorsByKind.get(kind);
        if (counter == null) {
            counter = errorsByKind.computeIfAbsent(kind, error -> Counter.builder(REQUEST_ERRORS)
                    .description("Failed requests by kind of error")
                    .tags(tags)
                    .tag(ERROR, error.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        return counter;
    }

    Timer duration()
    {
        return duration.get();
    }

    Timer overhead()
    {
        return overhead.get();
    }

    Timer timeToFirstToken()
    {
        return timeToFirstToken.get();
    }

    Counter promptTokens()
    {
        return promptTokens.get();
    }

    Counter completionTokens()
    {
        return completionTokens.get();
    }

    Counter cacheHits()
    {
        return cacheHits.get();
    }

    private Timer timer(String name, String description, Duration[] buckets)
    {
        // fixed buckets rather than percentile histograms: a dozen series per timer instead of ~70
        return Timer.builder(name)
                .description(description)
                .tags(tags)
                .serviceLevelObjectives(buckets)
                .register(registry);
    }

    private Counter tokens(String type)
    {
        return Counter.builder(TOKENS)
                .description("Tokens reported by upstreams, by type")
                .tags(tags)
                .tag(TYPE, type)
                .register(registry);
    }

    /**
     * A meter registered on first use, so a series appears in the scrape only once it has something to say
     * (no zero-valued time-to-first-token series for a deployment that never streams).
     */
    private static final class Lazy<T>
    {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory)
        {
            this.factory = factory;
        }

        T get()
        {
            T current = value;
            if (current == null) {
                // a race registers the same meter twice; Micrometer returns the existing one, so both agree
                current = factory.get();
                value = current;
            }
            return current;
        }
    }
}
