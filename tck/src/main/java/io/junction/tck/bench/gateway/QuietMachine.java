package io.junction.tck.bench.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits, for a bounded time, until other processes leave the machine alone: on a shared machine a phase measured while
 * something else runs says more about that something than about the gateway.
 */
public final class QuietMachine
{
    /** Other processes may use this much CPU (cores) and the machine still counts as quiet. */
    public static final double QUIET_CORES = 0.25;
    private static final Duration PROBE = Duration.ofSeconds(1);

    private QuietMachine() {}

    /**
     * @return true once a one-second probe saw other processes use at most {@link #QUIET_CORES}; false when
     *         {@code limit} passed first (the caller runs anyway and the report shows the noise)
     */
    public static boolean await(ProcFs proc, Duration limit, long ticksPerSecond)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + limit.toNanos();
        int cpus = Runtime.getRuntime().availableProcessors();
        while (System.nanoTime() < deadline) {
            Optional<MachineLoad.Sample> start = MachineLoad.sample(proc);
            if (start.isEmpty()) {
                return true;
            }
            Thread.sleep(PROBE);
            Optional<MachineLoad> load = MachineLoad.since(start.get(), proc, cpus, ticksPerSecond, 0);
            if (load.isEmpty() || load.get().otherCores() <= QUIET_CORES) {
                return true;
            }
        }
        return false;
    }
}
