package io.junction.plugins.callbacks.prometheus;

import java.time.Duration;

/**
 * Meter and label names, in Micrometer's dotted form: the Prometheus naming convention turns
 * {@code junction.requests} into {@code junction_requests_total} and a timer into {@code ..._seconds}.
 */
final class MetricNames
{
    static final String REQUESTS = "junction.requests";
    static final String REQUEST_ERRORS = "junction.request.errors";
    static final String REQUEST_DURATION = "junction.request.duration";
    static final String OVERHEAD = "junction.overhead";
    static final String TIME_TO_FIRST_TOKEN = "junction.time.to.first.token";
    static final String TOKENS = "junction.tokens";
    static final String CACHE_HITS = "junction.cache.hits";
    static final String IN_FLIGHT = "junction.in.flight.requests";

    static final String MODEL_GROUP = "model_group";
    static final String DEPLOYMENT = "deployment";
    static final String STATUS = "status";
    static final String ERROR = "error";
    static final String TYPE = "type";

    /** The deployment label of a request no deployment served (unknown model, no capacity, cache hit). */
    static final String NO_DEPLOYMENT = "none";
    /** The model group label of a request for a model the gateway does not serve: the name is the client's. */
    static final String UNKNOWN_MODEL_GROUP = "unknown";

    /** A whole request, from a fast cache hit to a long generation. */
    static final Duration[] REQUEST_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300);
    /** The gateway's own share of a request, expected well under a millisecond. */
    static final Duration[] OVERHEAD_BUCKETS = seconds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5);
    /** Until the first chunk of a stream. */
    static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60);

    private MetricNames() {}

    private static Duration[] seconds(double... bounds)
    {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000_000d));
        }
        return durations;
    }
}
