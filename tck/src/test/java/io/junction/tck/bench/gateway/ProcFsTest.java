package io.junction.tck.bench.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFsTest
{
    // a command name with spaces and parentheses, as a thread or a script may have
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 23 0 0 0 1500 250 7 3 20 0 35 0 12345 0 0";

    @Test
    void cpuTicksAreUtimePlusStimeCountedAfterTheCommandName()
    {
        assertEquals(1750, ProcFs.cpuTicksOf(STAT));
        assertEquals(1, ProcFs.parentOf(STAT));
    }

    @Test
    void memoryFieldsAreReadInKilobytes()
    {
        String status = "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
        assertEquals(OptionalLong.of(102_400), ProcFs.statusKbOf(status, "VmRSS"));
        assertEquals(OptionalLong.of(204_800), ProcFs.statusKbOf(status, "VmHWM"));
        assertEquals(OptionalLong.empty(), ProcFs.statusKbOf(status, "VmSwap"));
    }

    @Test
    void aProcessTreeIncludesChildrenAndGrandchildren(@TempDir Path proc)
            throws Exception
    {
        writeProcess(proc, 10, 1, 100, 20);
        writeProcess(proc, 11, 10, 5, 5);
        writeProcess(proc, 12, 11, 1, 1);
        writeProcess(proc, 13, 1, 1000, 1000);
        ProcFs fs = new ProcFs(proc);

        assertEquals(List.of(10L, 11L, 12L), fs.tree(10).stream().sorted().toList());
        assertEquals(OptionalLong.of(120), fs.cpuTicks(10));
        assertEquals(OptionalLong.of(2048), fs.statusKb(11, "VmRSS"));
        assertEquals(OptionalLong.empty(), fs.cpuTicks(99));

        ProcessMonitor monitor = ProcessMonitor.start(fs, 10, 100);
        monitor.measuring();
        writeProcess(proc, 10, 1, 200, 20);
        ProcessMetrics metrics = monitor.finish();
        assertEquals(1.0, metrics.cpuSeconds(), 1e-9);
        assertEquals(6.0, metrics.peakRssMb(), 1e-9);
    }

    @Test
    void machineLoadSplitsBusyCoresBetweenTheBenchmarkTheProxyAndOtherWork()
    {
        long[] ticks = ProcFs.machineTicksOf("cpu  100 0 50 800 50 0 20 0 0 0\ncpu0 50 0 25 400 25 0 10 0 0 0\n");
        assertEquals(170, ticks[0]);
        assertEquals(1020, ticks[1]);
        assertEquals(150, ticks[2]);
        // over 2 s on 2 CPUs: 320 of 400 ticks busy = 1.6 cores, 300 charged to processes = 1.5 cores;
        // this JVM used 1 s and the proxy 1 s: 0.5 core each, and 0.5 core went to other processes
        MachineLoad load = MachineLoad.between(new MachineLoad.Sample(0, 0, 0, 0, 0), new MachineLoad.Sample(320, 400, 300, 100, 2_000_000_000L), 2, 100, 1.0);
        assertEquals(1.6, load.busyCores(), 1e-9);
        assertEquals(0.5, load.benchmarkCores(), 1e-9);
        assertEquals(0.5, load.proxyCores(), 1e-9);
        assertEquals(0.5, load.otherCores(), 1e-9);
    }

    @Test
    void readsThisVeryProcessOnLinux()
    {
        ProcFs fs = ProcFs.system();
        if (!fs.available()) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        assertTrue(fs.cpuTicks(pid).orElseThrow() > 0);
        assertTrue(fs.statusKb(pid, "VmRSS").orElseThrow() > 1024);
    }

    private static void writeProcess(Path proc, long pid, long parent, long utime, long stime)
            throws Exception
    {
        Path directory = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(directory.resolve("stat"), pid + " (p" + pid + ") S " + parent + " 0 0 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 0 0 0");
        Files.writeString(directory.resolve("status"), "Name:\tp\nVmHWM:\t4096 kB\nVmRSS:\t2048 kB\n");
    }
}
