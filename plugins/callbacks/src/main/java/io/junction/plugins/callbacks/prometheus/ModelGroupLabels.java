package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.callback.LiveDeployment;
import io.junction.spi.callback.RequestLogEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides the {@code model_group} label of an event. The event's model group is whatever the client put in
 * {@code model}: used as a label as is, a client could create series without bound, or publish a pasted API key on
 * {@code /metrics}. So the label is only ever a model group the gateway serves (as its live deployments say), the
 * group of the deployment that served the request (a wildcard route), or {@value MetricNames#UNKNOWN_MODEL_GROUP}.
 */
final class ModelGroupLabels
{
    /** How often a name not seen in the configuration may trigger a re-read of the live deployments. */
    static final Duration REFRESH_ON_MISS_INTERVAL = Duration.ofSeconds(1);

    private final Supplier<List<LiveDeployment>> liveDeployments;
    private final InstantSource clock;
    private volatile Directory directory = new Directory(Set.of(), Map.of());
    private volatile Instant lastRefresh = Instant.MIN;

    ModelGroupLabels(Supplier<List<LiveDeployment>> liveDeployments, InstantSource clock)
    {
        this.liveDeployments = liveDeployments;
        this.clock = clock;
    }

    String labelFor(RequestLogEvent event)
    {
        String label = lookUp(directory, event);
        if (label != null) {
            return label;
        }
        // the configuration may have gained a model group since we last looked; look again, but not on every event
        Instant now = clock.instant();
        if (!now.isBefore(lastRefresh.plus(REFRESH_ON_MISS_INTERVAL))) {
            refresh(liveDeployments.get());
            label = lookUp(directory, event);
        }
        return label != null ? label : MetricNames.UNKNOWN_MODEL_GROUP;
    }

    /** Takes in the configured model groups and deployments, as read for a scrape. */
    void refresh(List<LiveDeployment> deployments)
    {
        Set<String> groups = new HashSet<>();
        Map<String, String> groupByDeployment = new HashMap<>();
        for (LiveDeployment deployment : deployments) {
            groups.add(deployment.modelGroup());
            groupByDeployment.put(deployment.deploymentId(), deployment.modelGroup());
        }
        directory = new Directory(Set.copyOf(groups), Map.copyOf(groupByDeployment));
        lastRefresh = clock.instant();
    }

    private static String lookUp(Directory directory, RequestLogEvent event)
    {
        if (directory.groups().contains(event.modelGroup())) {
            return event.modelGroup();
        }
        if (event.deploymentId().isPresent()) {
            return directory.groupByDeployment().get(event.deploymentId().get());
        }
        return null;
    }

    private record Directory(Set<String> groups, Map<String, String> groupByDeployment) {}
}
