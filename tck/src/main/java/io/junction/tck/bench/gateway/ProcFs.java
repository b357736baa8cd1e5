package io.junction.tck.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a process's CPU time and memory from Linux's {@code /proc}; everything is empty where there is no /proc. */
public final class ProcFs
{
    private static final long DEFAULT_CLOCK_TICKS = 100;

    private final Path root;

    public ProcFs(Path root)
    {
        this.root = root;
    }

    public static ProcFs system()
    {
        return new ProcFs(Path.of("/proc"));
    }

    public boolean available()
    {
        return Files.isDirectory(root.resolve("self"));
    }

    /** utime + stime of the process (all its threads), in clock ticks. */
    public OptionalLong cpuTicks(long pid)
    {
        try {
            return OptionalLong.of(cpuTicksOf(Files.readString(root.resolve(pid + "/stat"))));
        }
        catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A {@code kB} field of {@code /proc/PID/status}, such as {@code VmRSS} or {@code VmHWM}. */
    public OptionalLong statusKb(long pid, String field)
    {
        try {
            return statusKbOf(Files.readString(root.resolve(pid + "/status")), field);
        }
        catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The process and all its descendants (an nginx master and its workers). */
    public List<Long> tree(long pid)
    {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    long parent = parentOf(Files.readString(entry.resolve("stat")));
                    children.computeIfAbsent(parent, key -> new ArrayList<>()).add(Long.parseLong(name));
                }
                catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        }
        catch (IOException e) {
            return List.of(pid);
        }
        List<Long> tree = new ArrayList<>(List.of(pid));
        for (int i = 0; i < tree.size(); i++) {
            tree.addAll(children.getOrDefault(tree.get(i), List.of()));
        }
        return tree;
    }

    /**
     * The whole machine's CPU time from {@code /proc/stat}, in clock ticks: {@code [busy, total, tasks]}, busy counting
     * user, nice, system, irq, softirq and steal time, tasks only user, nice and system (the time charged to processes;
     * interrupt time, loopback networking included, is charged to none).
     */
    public Optional<long[]> machineTicks()
    {
        try {
            return Optional.of(machineTicksOf(Files.readString(root.resolve("stat"))));
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static long[] machineTicksOf(String stat)
    {
        String first = stat.substring(0, stat.indexOf('\n') < 0 ? stat.length() : stat.indexOf('\n'));
        if (!first.startsWith("cpu ")) {
            throw new IllegalArgumentException("not /proc/stat");
        }
        String[] fields = first.substring(4).trim().split("\\s+");
        long user = Long.parseLong(fields[0]);
        long nice = Long.parseLong(fields[1]);
        long system = Long.parseLong(fields[2]);
        long idle = Long.parseLong(fields[3]);
        long iowait = Long.parseLong(fields[4]);
        long irq = Long.parseLong(fields[5]);
        long softirq = Long.parseLong(fields[6]);
        long steal = fields.length > 7 ? Long.parseLong(fields[7]) : 0;
        long busy = user + nice + system + irq + softirq + steal;
        return new long[] {busy, busy + idle + iowait, user + nice + system};
    }

    /** Fields 14 and 15 of {@code /proc/PID/stat}, counted after the command name, which may contain spaces. */
    static long cpuTicksOf(String stat)
    {
        String[] fields = afterCommand(stat);
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long parentOf(String stat)
    {
        return Long.parseLong(afterCommand(stat)[1]);
    }

    static OptionalLong statusKbOf(String status, String field)
    {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                int space = value.indexOf(' ');
                return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
            }
        }
        return OptionalLong.empty();
    }

    private static String[] afterCommand(String stat)
    {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line");
        }
        return stat.substring(close + 2).trim().split(" ");
    }

    /** The kernel's USER_HZ ({@code getconf CLK_TCK}), 100 on every common Linux. */
    public static long clockTicksPerSecond()
    {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        }
        catch (IOException | RuntimeException e) {
            // no getconf: fall back to the default
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_CLOCK_TICKS;
    }
}
