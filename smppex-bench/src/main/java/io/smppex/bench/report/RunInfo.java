package io.smppex.bench.report;

import io.smppex.bench.Child;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Where and how a run happened: machine, JDK, flags, load. */
public final class RunInfo {
    public final ZonedDateTime started = ZonedDateTime.now();
    public final String host = hostName();
    public final int cores = Runtime.getRuntime().availableProcessors();
    public final String cpuModel = cpuModel();
    public final String memTotal = memTotal();
    public final String javaVersion = javaVersion();
    public final String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch");
    public final String loadAtStart = loadAverage();
    public String loadAtEnd = "";
    public List<String> jvmFlags = List.of();
    /** How e2e processes were pinned to CPUs, or null when the OS placed them. */
    public String pinned;
    /** How an interleaved e2e run was timed, or null for pairings run one after another. */
    public String interleaved;
    public boolean quick;
    public String commit = System.getProperty("bench.commit", "unknown");
    /** Wall-clock seconds per part, in run order. */
    public final List<String[]> durations = new ArrayList<>();

    static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname")).trim();
            } catch (Exception e) {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (Exception e2) {
                    h = "unknown";
                }
            }
        }
        return h.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "unknown";
    }

    static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "unknown";
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** {@code java -version} of the binary the child JVMs use. */
    static String javaVersion() {
        try {
            Process p = new ProcessBuilder(Child.javaBinary(), "-version").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return s;
        } catch (Exception e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        }
    }
}
