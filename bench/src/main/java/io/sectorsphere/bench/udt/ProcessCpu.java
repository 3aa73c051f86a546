package io.sectorsphere.bench.udt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a whole process (all threads: JIT and GC included), user plus system, from
 * {@code /proc/<pid>/stat} — the one source every flow's CPU figure is taken from, read at the
 * flow's start and end. Network namespaces share the process table, so a process inside an
 * emulated link's namespace can read another one's.
 */
final class ProcessCpu {

    /** Linux reports utime and stime in USER_HZ ticks, 100 per second on every architecture. */
    private static final double TICKS_PER_SECOND = 100;
    private static final int UTIME_FIELD = 14;

    private ProcessCpu() {
    }

    static double seconds(long pid) throws IOException {
        return parseSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    static double selfSeconds() throws IOException {
        return seconds(ProcessHandle.current().pid());
    }

    /** Fields 14 and 15 of a stat line; the command name (field 2) may hold spaces, so counting starts after it. */
    static double parseSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (the state).
        long utime = Long.parseLong(fields[UTIME_FIELD - 3]);
        long stime = Long.parseLong(fields[UTIME_FIELD - 2]);
        return (utime + stime) / TICKS_PER_SECOND;
    }
}
