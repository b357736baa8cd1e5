package io.junction.tck.bench.report;

import java.util.List;

/**
 * Where and how a benchmark ran, so results can be compared only with like.
 *
 * @param gateway how gateways were obtained (started from an installation, running targets, in-process)
 * @param upstream the fake upstream's address
 * @param payloadBytes size of one request body of LiteLLM's locust payload
 */
public record RunInfo(String startedAt, String finishedAt, String host, int cpus, String os, String java, double durationFactor, String gateway,
        String upstream, List<String> scenarios, int payloadBytes, String commandLine)
{
    public RunInfo
    {
        scenarios = List.copyOf(scenarios);
    }
}
