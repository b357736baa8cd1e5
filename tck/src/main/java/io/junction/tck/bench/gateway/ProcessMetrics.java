package io.junction.tck.bench.gateway;

/**
 * What a gateway process used during a phase.
 *
 * @param cpuSeconds user + system CPU time of the process (and its children) over the measured part
 * @param phaseCpuSeconds the same over the whole phase, warm-up included
 * @param peakRssMb the largest resident set size sampled during the phase
 * @param highWaterMarkMb the kernel's peak RSS of the process since it started ({@code VmHWM}), start-up included
 */
public record ProcessMetrics(double cpuSeconds, double phaseCpuSeconds, double peakRssMb, double highWaterMarkMb)
{
}
