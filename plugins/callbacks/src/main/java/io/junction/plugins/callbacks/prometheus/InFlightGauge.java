package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.callback.LiveDeployment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;

import static io.junction.plugins.callbacks.prometheus.MetricNames.DEPLOYMENT;
import static io.junction.plugins.callbacks.prometheus.MetricNames.IN_FLIGHT;
import static io.junction.plugins.callbacks.prometheus.MetricNames.MODEL_GROUP;

/**
 * {@code junction_in_flight_requests} per deployment, one row per live deployment as of the latest scrape: rows
 * appear for new deployments and disappear for removed ones.
 */
final class InFlightGauge
{
    private final MultiGauge gauge;

    InFlightGauge(MeterRegistry registry)
    {
        this.gauge = MultiGauge.builder(IN_FLIGHT)
                .description("Requests sent to a deployment and not yet finished")
                .register(registry);
    }

    void refresh(List<LiveDeployment> deployments)
    {
        List<MultiGauge.Row<?>> rows = new ArrayList<>(deployments.size());
        for (LiveDeployment deployment : deployments) {
            Tags tags = Tags.of(MODEL_GROUP, deployment.modelGroup(), DEPLOYMENT, deployment.deploymentId());
            rows.add(MultiGauge.Row.of(tags, deployment.inFlight()));
        }
        gauge.register(rows, true);
    }
}
