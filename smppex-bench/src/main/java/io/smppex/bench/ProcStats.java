package io.smppex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-process CPU time and resident memory from Linux's /proc, the same way for every process,
 * ours or a peer's, so the numbers of different processes compare.
 */
public final class ProcStats {
    private static final long CLK_TCK = clockTicks();

    private ProcStats() {
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(s);
        } catch (Exception e) {
            return 100; // what every Linux this runs on uses
        }
    }

    /** utime + stime of {@code pid} in microseconds (resolution 1/CLK_TCK s), or -1 if unreadable. */
    public static long cpuMicros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // comm, field 2, may hold spaces and parentheses: the fields we want follow the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the full line
            return ticks * 1_000_000L / CLK_TCK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS of {@code pid} in bytes, or -1. */
    public static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }
}
