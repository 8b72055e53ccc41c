package io.smppex.bench.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * A server under test in its own JVM. Prints {@code READY <port>}, then answers commands on stdin:
 * {@code sessions} → {@code SESSIONS <bound>}; {@code heap} → a full GC, then
 * {@code HEAP <used bytes>}; {@code quit} (or end of input) → stop and exit.
 *
 * <p>Arguments: {@code <smppex|cloudhopper|jsmpp|raw> <window>}.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Peer kind = Peer.parse(args[0]);
        int window = Integer.parseInt(args[1]);
        BenchServer server = kind.startServer(window);
        System.out.println("READY " + server.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            line = line.trim();
            if (line.equals("sessions")) {
                System.out.println("SESSIONS " + server.boundSessions());
            } else if (line.equals("heap")) {
                System.out.println("HEAP " + heapAfterGc());
            } else if (line.equals("quit")) {
                break;
            }
            System.out.flush();
        }
        // A server that will not stop must not hold the run up.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException ignored) {
                // exit anyway
            }
            Runtime.getRuntime().halt(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        server.close();
        System.exit(0);
    }

    /** Live heap: used bytes after full collections (System.gc is a full, compacting GC with the run's ParallelGC). */
    public static long heapAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
