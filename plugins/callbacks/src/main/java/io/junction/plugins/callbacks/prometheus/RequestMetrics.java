package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.callback.RequestLogEvent;
import io.junction.spi.provider.Usage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.junction.plugins.callbacks.prometheus.MetricNames.DEPLOYMENT;
import static io.junction.plugins.callbacks.prometheus.MetricNames.MODEL_GROUP;
import static io.junction.plugins.callbacks.prometheus.MetricNames.NO_DEPLOYMENT;

/**
 * Turns request log events into meters. Labels come only from the model group (see {@link ModelGroupLabels}), the
 * deployment id, the status, the error kind and the token type: never from the caller, the end user or a message.
 */
final class RequestMetrics
{
    private final MeterRegistry registry;
    private final ModelGroupLabels modelGroups;
    // nested by model group, then deployment, so that finding the meters of an event allocates no key
    private final Map<String, Map<String, SeriesMeters>> series = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, ModelGroupLabels modelGroups)
    {
        this.registry = registry;
        this.modelGroups = modelGroups;
    }

    void record(RequestLogEvent event)
    {
        String modelGroup = modelGroups.labelFor(event);
        String deployment = event.deploymentId().isPresent() ? event.deploymentId().get() : NO_DEPLOYMENT;
        SeriesMeters meters = meters(modelGroup, deployment);

        meters.requests(event.status()).increment();
        if (event.error().isPresent()) {
            meters.errors(event.error().get()).increment();
        }
        meters.duration().record(event.duration());
        meters.overhead().record(event.overhead());
        if (event.stream() && event.timeToFirstToken().isPresent()) {
            meters.timeToFirstToken().record(event.timeToFirstToken().get());
        }
        if (event.cacheHit()) {
            // a hit carries the original call's usage, but spent no tokens: leave the token counters alone
            meters.cacheHits().increment();
        }
        else if (event.usage().known()) {
            Usage usage = event.usage();
            meters.promptTokens().increment(usage.promptTokens());
            meters.completionTokens().increment(usage.completionTokens());
        }
    }

    private SeriesMeters meters(String modelGroup, String deployment)
    {
        Map<String, SeriesMeters> byDeployment = series.get(modelGroup);
        if (byDeployment == null) {
            byDeployment = series.computeIfAbsent(modelGroup, group -> new ConcurrentHashMap<>());
        }
        SeriesMeters meters = byDeployment.get(deployment);
        if (meters == null) {
            meters = byDeployment.computeIfAbsent(deployment, id -> new SeriesMeters(registry, Tags.of(MODEL_GROUP, modelGroup, DEPLOYMENT, id)));
        }
        return meters;
    }
}
