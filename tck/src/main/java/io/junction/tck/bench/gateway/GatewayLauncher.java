package io.junction.tck.bench.gateway;

import java.io.IOException;

/** Starts the gateways a scenario needs, or hands out ones already running. */
public interface GatewayLauncher
{
    /**
     * @param name a short name for files and logs, e.g. {@code overhead} or {@code shared-rpm-2}
     * @param configYaml the gateway configuration this instance should run with
     * @param instance 0 for the first gateway of a scenario, 1 for a second one running at the same time
     * @throws ScenarioNotRunnable when this launcher cannot provide that instance (e.g. only one target was given)
     */
    RunningGateway start(String name, String configYaml, int instance)
            throws IOException, InterruptedException;

    /** Whether {@code configYaml} is applied; a launcher for gateways already running ignores it. */
    boolean appliesConfig();

    /** A line for the report: how gateways are obtained. */
    String describe();

    /** Raised when a scenario cannot run with what this launcher provides; the scenario is reported as skipped. */
    final class ScenarioNotRunnable
            extends RuntimeException
    {
        public ScenarioNotRunnable(String reason)
        {
            super(reason);
        }
    }
}
