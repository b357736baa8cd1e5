package io.junction.tck.bench.gateway;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/** Gateways someone else started: the benchmark only sends load, and the scenario's config is not applied. */
public final class TargetLauncher
        implements GatewayLauncher
{
    private final List<URI> targets;
    private final OptionalLong pid;

    /** @param pid the first target's process, when it runs on this machine, for CPU and memory figures */
    public TargetLauncher(List<URI> targets, OptionalLong pid)
    {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("need at least one target");
        }
        // a base URL, without a path: trailing slashes would double up in front of /v1/chat/completions
        this.targets = targets.stream().map(target -> URI.create(target.toString().replaceAll("/+$", ""))).toList();
        this.pid = pid;
    }

    @Override
    public RunningGateway start(String name, String configYaml, int instance)
    {
        if (instance >= targets.size()) {
            throw new ScenarioNotRunnable("needs " + (instance + 1) + " running gateways but " + targets.size() + " --target was given");
        }
        URI base = targets.get(instance);
        OptionalLong targetPid = instance == 0 ? pid : OptionalLong.empty();
        return RunningGateway.of(base, targetPid, () -> {
            // not ours to stop
        });
    }

    @Override
    public boolean appliesConfig()
    {
        return false;
    }

    @Override
    public String describe()
    {
        return "running gateway(s) " + targets;
    }
}
