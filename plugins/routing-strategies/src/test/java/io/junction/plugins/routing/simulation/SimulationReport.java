package io.junction.plugins.routing.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The results as a Markdown table, with the scenario they came from. */
final class SimulationReport
{
    private SimulationReport() {}

    static String markdown(Scenario scenario, List<StrategyResult> results)
    {
        List<SimulatedDeployment> deployments = scenario.deployments();
        StringBuilder out = new StringBuilder();
        out.append("Scenario: ").append(String.format(Locale.ROOT, "%.0f", scenario.requestsPerSecond())).append(" requests/s (Poisson) for ")
                .append(scenario.length().toMinutes()).append(" minutes, ").append(fmt(scenario.surge().factor())).append("x that from minute ")
                .append(scenario.surge().from().toMinutes()).append(" to ").append(scenario.surge().until().toMinutes()).append(", ").append(Math.round(scenario.streamShare() * 100))
                .append("% streamed, prompts ~600 tokens and answers ~250 (log-normal), num_retries ").append(scenario.numRetries())
                .append(", trace seed ").append(scenario.traceSeed()).append(", strategy seed ").append(scenario.strategySeed()).append(".\n\n");
        out.append("| deployment | quota | price in/out $/M (router's view) | first token, per token (idle) | spread | notes |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (SimulatedDeployment deployment : deployments) {
            out.append("| ").append(deployment.id())
                    .append(" | ").append(quota(deployment))
                    .append(" | ").append(deployment.configuredPrice().isPresent() ? "configured " + perMillion(deployment.configuredPrice().get().input(), deployment.configuredPrice().get().output())
                            : "table lookup of " + deployment.provider() + "/" + deployment.model())
                    .append(" | ").append(Math.round(deployment.firstTokenMillis())).append(" ms, ").append(fmt(deployment.millisPerToken())).append(" ms")
                    .append(" | ").append(fmt(deployment.sigma()))
                    .append(" | ").append(notes(deployment)).append(" |\n");
        }
        out.append("\n| strategy | first token p50 / p99 ms | whole answer p50 / p99 ms | $ per 1k served | served | 429 no headroom | failed | over-limit sends | provider 429s | ");
        out.append(deployments.stream().map(SimulatedDeployment::id).collect(Collectors.joining(" | "))).append(" | to degraded while degraded |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|").append("---:|".repeat(deployments.size())).append("---:|\n");
        for (StrategyResult result : results) {
            out.append("| ").append(result.label())
                    .append(" | ").append(result.firstToken().p50()).append(" / ").append(result.firstToken().p99())
                    .append(" | ").append(result.whole().p50()).append(" / ").append(result.whole().p99())
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", result.costPerThousandServed()))
                    .append(" | ").append(result.served())
                    .append(" | ").append(result.noHeadroom())
                    .append(" | ").append(result.failed())
                    .append(" | ").append(result.overLimitAdmissions())
                    .append(" | ").append(result.upstreamRateLimited());
            for (SimulatedDeployment deployment : deployments) {
                out.append(" | ").append(percent(result.attemptShare().getOrDefault(deployment.id(), 0.0)));
            }
            out.append(" | ").append(percent(result.degradedShare())).append(" |\n");
        }
        out.append("\nLatency is what the client waits for, from arrival, failed attempts included: the first token of a stream, the"
                + " whole answer otherwise. \"Over-limit sends\" are attempts sent to a deployment past its rpm or tpm as the kernel counts them;"
                + " \"provider 429s\" are the provider refusing them. Shares are of all attempts.\n");
        return out.toString();
    }

    private static String quota(SimulatedDeployment deployment)
    {
        String rpm = deployment.rpm().isPresent() ? "rpm " + deployment.rpm().getAsLong() : "";
        String tpm = deployment.tpm().isPresent() ? "tpm " + deployment.tpm().getAsLong() : "";
        String both = (rpm + " " + tpm).trim();
        return both.isEmpty() ? "none" : both;
    }

    private static String notes(SimulatedDeployment deployment)
    {
        Optional<SimulatedDeployment.Degradation> degradation = deployment.degradation();
        String failures = percent(deployment.failureRate()) + " errors, full speed up to " + deployment.capacity() + " in flight";
        if (degradation.isEmpty()) {
            return failures;
        }
        SimulatedDeployment.Degradation bad = degradation.get();
        return failures + "; minutes " + bad.from().toMinutes() + "-" + bad.until().toMinutes() + ": " + fmt(bad.slowdown()) + "x slower, +"
                + percent(bad.failureRate()) + " errors (half of them " + RoutingSimulator.TIMEOUT_MILLIS / 1000 + " s timeouts)";
    }

    private static String perMillion(double input, double output)
    {
        return fmt(input * 1e6) + "/" + fmt(output * 1e6);
    }

    private static String percent(double share)
    {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String fmt(double value)
    {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
