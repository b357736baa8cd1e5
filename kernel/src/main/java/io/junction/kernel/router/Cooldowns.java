package io.junction.kernel.router;

import io.junction.spi.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts cooldowns: decided by {@link CooldownPolicy}, set at once in this instance's mirror, then in the shared
 * store for the fleet (which refuses it, and so this instance takes it back, when it would cool the group's last
 * healthy deployment elsewhere). A cooldown is never started on the last deployment of a group that is not cooling
 * down: a group with one healthy deployment left keeps serving with it, and retries back off instead.
 */
final class Cooldowns
{
    private static final Logger log = LoggerFactory.getLogger(Cooldowns.class);

    private final CooldownPolicy policy;
    private final FleetState fleet;
    private final RouterCounters counters;
    private final InstantSource clock;

    Cooldowns(CooldownPolicy policy, FleetState fleet, RouterCounters counters, InstantSource clock)
    {
        this.policy = policy;
        this.fleet = fleet;
        this.counters = counters;
        this.clock = clock;
    }

    /** Called with the deployment's counts this minute once a failed attempt has been counted in them. */
    void afterFailure(ModelGroup group, DeploymentRuntime deployment, Optional<ErrorKind> error, Optional<Duration> retryAfter, HealthCounts counts)
    {
        Optional<Duration> duration = policy.decide(error, retryAfter, counts);
        if (duration.isEmpty()) {
            return;
        }
        long now = clock.millis();
        if (!anotherHealthy(group, deployment, now)) {
            counters.cooldownsSparedLastHealthy.increment();
            return;
        }
        long until = now + duration.get().toMillis();
        boolean wasCooling = deployment.coolingDown(now);
        deployment.coolDownLocally(until);
        if (!wasCooling) {
            counters.cooldownsStarted.increment();
            log.info("Deployment {} of model group {} cools down for {} s: {}", deployment.id(), group.name(),
                    duration.get().toMillis() / 1000.0, policy.reason(error.orElseThrow(), counts));
        }
        List<String> ids = new ArrayList<>(group.deployments().size());
        group.deployments().forEach(member -> ids.add(member.id()));
        fleet.coolDown(deployment, ids, now, until, () -> {
            deployment.revokeLocalCooldown(until);
            counters.cooldownsSparedLastHealthy.increment();
        });
    }

    private static boolean anotherHealthy(ModelGroup group, DeploymentRuntime deployment, long now)
    {
        for (DeploymentRuntime member : group.deployments()) {
            if (member != deployment && !member.coolingDown(now)) {
                return true;
            }
        }
        return false;
    }
}
