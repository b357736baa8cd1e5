package io.junction.tck.bench.scenario;

import io.junction.tck.bench.gateway.GatewayLauncher;
import io.junction.tck.bench.gateway.RunningGateway;
import io.junction.tck.bench.upstream.FakeUpstreamSettings;
import io.junction.tck.bench.upstream.UpstreamStats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Two gateways sharing Redis ({@code router_settings.redis_host}) in front of one deployment with an rpm limit, the
 * load spread over both: if the limit holds for the instances together, the upstream receives no more than the limit
 * per minute. Reports what it observes, whatever the kernel's Redis support does.
 */
public final class MultiInstanceRpmScenario
        extends DescribedScenario
{
    static final String DEPLOYMENT = "shared";

    public MultiInstanceRpmScenario()
    {
        super("multi-instance-rpm",
                "Two gateway instances sharing Redis, one deployment with an rpm limit, load alternating between the instances: "
                        + "the upstream should receive at most the limit per minute in total (not once per instance).",
                List.of("shared-rpm"));
    }

    @Override
    public Map<String, String> configValues(ScenarioParameters parameters)
    {
        return Map.of("rpm_shared", Integer.toString(RateLimitCeiling.scaledQuota(parameters.integer("rpm"), parameters.durationFactor())));
    }

    @Override
    public ScenarioResult run(ScenarioContext context)
            throws Exception
    {
        ScenarioParameters parameters = context.parameters();
        Map<String, String> placeholders = context.environment().placeholders();
        String redisHost = placeholders.get("redis_host");
        int redisPort = Integer.parseInt(placeholders.get("redis_port"));
        if (!reachable(redisHost, redisPort)) {
            throw new GatewayLauncher.ScenarioNotRunnable("Redis is not reachable at " + redisHost + ":" + redisPort + " (--redis)");
        }
        int rpm = RateLimitCeiling.scaledQuota(parameters.integer("rpm"), parameters.durationFactor());
        context.upstream().configure(FakeUpstreamSettings.DEFAULT);
        double rate = parameters.rate();
        LoadShape shape = context.shape(rate, Duration.ZERO, parameters.measure("measure_s"), context.bodies(ScenarioContext.DISTINCT_BODIES, false), false);
        ScenarioResult.Builder result = new ScenarioResult.Builder(name(), description());
        Map<String, String> values = configValues(parameters);
        PhaseResult phase;
        long start;
        try (RunningGateway first = context.startGateway(name() + "-1", "shared-rpm", values, 0);
                RunningGateway second = context.startGateway(name() + "-2", "shared-rpm", values, 1)) {
            start = context.environment().clock().millis();
            phase = context.run("gateways@" + Math.round(rate), PhaseResult.GATEWAY, List.of(first.chatCompletions(), second.chatCompletions()),
                    OptionalLong.empty(), shape);
        }
        result.phase(phase);
        long ceiling = RateLimitCeiling.of(start, rate, phase.sent(), rpm);
        UpstreamStats.DeploymentStats upstream = phase.upstream().deployments().get(DEPLOYMENT);
        long served = upstream == null ? 0 : upstream.served();
        double ratio = ceiling == 0 ? 0 : served / (double) ceiling;
        result.metric("requested_rps", rate);
        result.metric("rpm_limit", rpm);
        result.metric("sent", phase.sent());
        result.metric("ceiling", ceiling);
        result.metric("upstream_served", served);
        result.metric("upstream_over_limit_ratio", ratio);
        result.metric("client_ok", phase.ok());
        result.metric("client_429", phase.errors().getOrDefault("http_429", 0L));
        String verdict = ratio <= 1.0 ? "the limit held across the two instances"
                : ratio <= 2.0 + 1e-9 ? "the limit was NOT shared: each instance seems to apply it on its own"
                : "the limit was NOT enforced";
        result.note("The upstream received " + served + " requests against a ceiling of " + ceiling + " (" + rpm + " rpm per UTC minute touched): "
                + verdict + ".");
        return result.completed();
    }

    private static boolean reachable(String host, int port)
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
