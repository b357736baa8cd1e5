package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.RunningGateway;
import io.junction.tck.bench.upstream.FakeUpstreamSettings;
import io.junction.tck.bench.upstream.UpstreamStats;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Two deployments of one model, each with an rpm quota the fake upstream enforces, under a load above their sum: a
 * gateway that knows the quotas and retries on the other deployment serves close to the sum of the quotas.
 */
public final class RateLimitedDeploymentsScenario
        extends DescribedScenario
{
    static final String DEPLOYMENT_A = "quota-a";
    static final String DEPLOYMENT_B = "quota-b";

    public RateLimitedDeploymentsScenario()
    {
        super("rate-limited-deployments",
                "Two deployments with rpm quotas at the upstream (429 + Retry-After past them) and a load above their sum: "
                        + "successful answers should come close to the sum of the quotas for the minutes the run touches.",
                List.of("rate-limited"));
    }

    @Override
    public Map<String, String> configValues(ScenarioParameters parameters)
    {
        return Map.of("rpm_a", Integer.toString(RateLimitCeiling.scaledQuota(parameters.integer("rpm_a"), parameters.durationFactor())),
                "rpm_b", Integer.toString(RateLimitCeiling.scaledQuota(parameters.integer("rpm_b"), parameters.durationFactor())));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        int rpmA = RateLimitCeiling.scaledQuota(parameters.integer("rpm_a"), parameters.durationFactor());
        int rpmB = RateLimitCeiling.scaledQuota(parameters.integer("rpm_b"), parameters.durationFactor());
        context.upstream().configure(FakeUpstreamSettings.DEFAULT.withRpmQuotas(Map.of(DEPLOYMENT_A, rpmA, DEPLOYMENT_B, rpmB)));
        double rate = parameters.rate();
        // no warm-up: it would spend the quotas before the measurement
        LoadShape shape = context.shape(rate, Duration.ZERO, parameters.measure("measure_s"),
                context.bodies(ScenarioContext.DISTINCT_BODIES, false), false);
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        PhaseResult gateway;
        long start;
        try (RunningGateway running = context.startGateway(name(), "rate-limited", configValues(parameters), 0)) {
            start = context.environment().clock().millis();
            gateway = context.runProxy(ScenarioContext.label(PhaseResult.GATEWAY, rate), PhaseResult.GATEWAY, running, shape);
        }
        result.phase(gateway);
        long ceiling = RateLimitCeiling.of(start, rate, gateway.sent(), rpmA + rpmB);
        UpstreamStats upstream = gateway.upstream();
        result.metric("requested_rps", rate);
        result.metric("quota_sum_rpm", rpmA + rpmB);
        result.metric("sent", gateway.sent());
        result.metric("ceiling", ceiling);
        result.metric("successes", gateway.ok());
        result.metric("success_ratio_of_ceiling", ceiling == 0 ? 0 : gateway.ok() / (double) ceiling);
        result.metric("client_429", gateway.errors().getOrDefault("http_429", 0L));
        result.metric("upstream_429", upstream.rateLimited());
        for (String deployment : List.of(DEPLOYMENT_A, DEPLOYMENT_B)) {
            UpstreamStats.DeploymentStats stats = upstream.deployments().get(deployment);
            result.metric("upstream_served_" + deployment.replace('-', '_'), stats == null ? 0 : stats.served());
        }
        result.note("Quotas " + DEPLOYMENT_A + "=" + rpmA + " and " + DEPLOYMENT_B + "=" + rpmB + " rpm (scaled by the duration factor); ceiling = "
                + "per UTC minute touched, min(requests sent, sum of quotas).");
        if (!context.appliesConfig()) {
            result.note("Target mode: the gateway must route to " + context.upstream().openAiBase(DEPLOYMENT_A) + " and "
                    + context.upstream().openAiBase(DEPLOYMENT_B) + " (see --print-config) for this to mean anything.");
        }
        return result.completed();
    }
}
