package io.smppex.robustness.support;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a leak of threads, sockets or buffers would show: counted from the JVM and /proc. */
public record ProcessResources(int threads, Map<String, Integer> threadGroups, int openFds, long allocatorUsed) {

    public static ProcessResources now() {
        List<String> names = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).collect(Collectors.toList());
        Map<String, Integer> groups = new TreeMap<>();
        for (String n : names) {
            // "smppex-mc-3-1" and "smppex-mc-3-2" are one pool: strip the trailing numbers.
            groups.merge(n.replaceAll("[-#0-9]+$", ""), 1, Integer::sum);
        }
        return new ProcessResources(names.size(), groups, countOpenFds(), currentAllocatorUsed());
    }

    /** Netty starts event-loop threads lazily: start the ESMEs' shared ones so a baseline counts them. */
    public static void startSharedClientLoops() {
        for (io.netty.util.concurrent.EventExecutor e : io.smppex.internal.Transports.sharedClientGroup()) {
            e.submit(() -> { }).syncUninterruptibly();
        }
    }

    /**
     * Netty's GlobalEventExecutor runs a thread only while it has work and ends it after a second
     * idle; wait for that instead of counting it as a leak.
     */
    public static void awaitNettyGlobalExecutorIdle() {
        try {
            io.netty.util.concurrent.GlobalEventExecutor.INSTANCE.awaitInactivity(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IllegalStateException neverStarted) {
            // nothing ever ran on it: no thread to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int countOpenFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Direct plus heap memory the default allocator holds for live buffers and its caches. */
    public static long currentAllocatorUsed() {
        ByteBufAllocator a = ByteBufAllocator.DEFAULT;
        if (a instanceof ByteBufAllocatorMetricProvider p) {
            ByteBufAllocatorMetric m = p.metric();
            return m.usedDirectMemory() + m.usedHeapMemory();
        }
        return -1;
    }

    /** The soft limit on open files of this process, from /proc/self/limits. */
    public static long fdLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                    return f[0].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no 'Max open files' in /proc/self/limits");
    }
}
