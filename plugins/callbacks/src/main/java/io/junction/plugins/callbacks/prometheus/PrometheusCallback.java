package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.HttpRoute;
import io.junction.spi.callback.LiveDeployment;
import io.junction.spi.callback.RequestLogEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Request metrics on Micrometer's Prometheus registry, served at {@code GET /metrics} without the master key (as
 * LiteLLM does): the labels carry model groups, deployment ids, statuses and error kinds, nothing secret.
 */
public final class PrometheusCallback
        implements Callback
{
    public static final String METRICS_PATH = "/metrics";
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Supplier<List<LiveDeployment>> liveDeployments;
    private final ModelGroupLabels modelGroups;
    private final RequestMetrics metrics;
    private final InFlightGauge inFlight;
    private final GatewayCounterMeters gatewayCounters;
    private final HttpRoute route;

    public PrometheusCallback(CallbackContext context)
    {
        // a registry of our own: nothing else in the process writes to it
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), new MicrometerClock(context.clock()));
        this.liveDeployments = context.liveDeployments();
        this.modelGroups = new ModelGroupLabels(liveDeployments, context.clock());
        this.metrics = new RequestMetrics(registry, modelGroups);
        this.inFlight = new InFlightGauge(registry);
        this.gatewayCounters = new GatewayCounterMeters(registry, context.gatewayCounters());
        this.route = new HttpRoute(METRICS_PATH, CONTENT_TYPE, false, this::scrape);
    }

    @Override
    public void onEvents(List<RequestLogEvent> events)
    {
        for (int i = 0; i < events.size(); i++) {
            metrics.record(events.get(i));
        }
    }

    @Override
    public List<HttpRoute> routes()
    {
        return List.of(route);
    }

    /** The text exposition of every meter, with the in-flight gauge read from the kernel just now. */
    public synchronized byte[] scrape()
    {
        List<LiveDeployment> deployments = liveDeployments.get();
        modelGroups.refresh(deployments);
        inFlight.refresh(deployments);
        gatewayCounters.refresh();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            registry.scrape(out, CONTENT_TYPE);
        }
        catch (IOException e) {
            // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close()
    {
        registry.close();
    }
}
