package io.junction.tck.bench.gateway;

import java.util.Optional;

/**
 * How busy the machine was during a phase, in CPU cores: all of it (interrupts included), the benchmark's own JVM
 * (load generator and fake upstream), the proxy under test, and other processes (CPU charged to processes that are
 * neither). A high {@code otherCores} means other work shared the machine and the phase's figures are noisy: compare
 * runs only when it is low.
 */
public record MachineLoad(double busyCores, double benchmarkCores, double proxyCores, double otherCores)
{
    /** A reading taken at the start of a phase. */
    public record Sample(long machineBusy, long machineTotal, long machineTasks, long benchmarkTicks, long nanos) {}

    public static Optional<Sample> sample(ProcFs proc)
    {
        Optional<long[]> machine = proc.machineTicks();
        if (machine.isEmpty()) {
            return Optional.empty();
        }
        long self = proc.cpuTicks(ProcessHandle.current().pid()).orElse(0);
        return Optional.of(new Sample(machine.get()[0], machine.get()[1], machine.get()[2], self, System.nanoTime()));
    }

    /**
     * @param proxyCpuSeconds CPU the proxy used over the same interval, 0 when it is not observed (or is this JVM)
     */
    public static Optional<MachineLoad> since(Sample start, ProcFs proc, int cpus, long ticksPerSecond, double proxyCpuSeconds)
    {
        Optional<Sample> end = sample(proc);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(between(start, end.get(), cpus, ticksPerSecond, proxyCpuSeconds));
    }

    static MachineLoad between(Sample start, Sample end, int cpus, long ticksPerSecond, double proxyCpuSeconds)
    {
        double seconds = Math.max(1e-9, (end.nanos() - start.nanos()) / 1e9);
        long total = end.machineTotal() - start.machineTotal();
        double busy = total <= 0 ? 0 : cpus * (end.machineBusy() - start.machineBusy()) / (double) total;
        double tasks = total <= 0 ? 0 : cpus * (end.machineTasks() - start.machineTasks()) / (double) total;
        double benchmark = (end.benchmarkTicks() - start.benchmarkTicks()) / (double) ticksPerSecond / seconds;
        double proxy = proxyCpuSeconds / seconds;
        return new MachineLoad(busy, benchmark, proxy, Math.max(0, tasks - benchmark - proxy));
    }
}
