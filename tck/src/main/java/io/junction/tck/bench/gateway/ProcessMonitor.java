package io.junction.tck.bench.gateway;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process tree's resident memory while a phase runs and takes its CPU time at the start and the end of the
 * measured part: {@code /proc/PID/stat} utime + stime, {@code /proc/PID/status} VmRSS and VmHWM.
 */
public final class ProcessMonitor
        implements AutoCloseable
{
    private static final long SAMPLE_MILLIS = 100;

    private final ProcFs proc;
    private final long pid;
    private final long ticksPerSecond;
    private final List<Long> tree;
    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;
    private final long ticksAtPhaseStart;
    private long ticksAtStart = -1;

    private ProcessMonitor(ProcFs proc, long pid, long ticksPerSecond)
    {
        this.proc = Objects.requireNonNull(proc, "proc is null");
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        this.tree = proc.tree(pid);
        this.ticksAtPhaseStart = cpuTicks();
        sampleRss();
        sampler = Thread.ofPlatform().daemon().name("bench-rss-sampler").start(this::sampleUntilClosed);
    }

    public static ProcessMonitor start(ProcFs proc, long pid, long ticksPerSecond)
    {
        return new ProcessMonitor(proc, pid, ticksPerSecond);
    }

    /** The measured part begins: CPU time counts from here. */
    public void measuring()
    {
        ticksAtStart = cpuTicks();
    }

    /** Stops sampling and returns the figures, CPU time up to now. */
    public ProcessMetrics finish()
    {
        long ticksAtEnd = cpuTicks();
        close();
        sampleRss();
        long start = ticksAtStart < 0 ? ticksAtEnd : ticksAtStart;
        long hwm = tree.stream().mapToLong(each -> proc.statusKb(each, "VmHWM").orElse(0)).sum();
        return new ProcessMetrics((ticksAtEnd - start) / (double) ticksPerSecond, (ticksAtEnd - ticksAtPhaseStart) / (double) ticksPerSecond,
                peakRssKb.get() / 1024.0, hwm / 1024.0);
    }

    private long cpuTicks()
    {
        return tree.stream().mapToLong(each -> proc.cpuTicks(each).orElse(0)).sum();
    }

    private void sampleUntilClosed()
    {
        while (running) {
            sampleRss();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleRss()
    {
        long rss = tree.stream().mapToLong(each -> proc.statusKb(each, "VmRSS").orElse(0)).sum();
        peakRssKb.accumulateAndGet(rss, Math::max);
    }

    public long pid()
    {
        return pid;
    }

    @Override
    public void close()
    {
        running = false;
        sampler.interrupt();
    }
}
