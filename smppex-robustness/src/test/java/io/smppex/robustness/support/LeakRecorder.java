package io.smppex.robustness.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a Netty leak report a test failure. Netty only logs leaks, and only when a later
 * allocation happens to poll its reference queue; so every detector Netty creates is ours, and
 * records what it would have logged. {@link #collect()} forces the garbage collector, waits for it
 * to have queued the dead buffers, allocates to make the detectors poll, and returns what they found.
 *
 * <p>Must be installed before the first ByteBuf class is loaded, because AbstractByteBuf takes its
 * detector once, statically: {@link LeakCheckSessionListener} does it when the JUnit launcher opens,
 * and child JVMs call {@link #install()} first thing in main.
 */
public final class LeakRecorder {
    private static final List<String> leaks = new ArrayList<>();
    private static volatile boolean installed;
    private static volatile boolean verified;
    /** The canary's report is expected: kept out of stderr so nobody chases it. */
    private static volatile boolean quiet;

    private LeakRecorder() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                       long maxActive) {
                return new Recording<>(resource, samplingInterval);
            }
        });
    }

    private static final class Recording<T> extends ResourceLeakDetector<T> {
        Recording(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            // Report whatever the log level: the build, not a log reader, is the audience.
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record("LEAK: " + resourceType + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record("LEAK (untraced): " + resourceType);
        }
    }

    private static void record(String report) {
        synchronized (leaks) {
            leaks.add(report);
        }
        if (!quiet) {
            System.err.println(report);
        }
    }

    /** GC until dead buffers are queued, make the detectors poll, and return (and forget) what they found. */
    public static List<String> collect() {
        for (int round = 0; round < 3; round++) {
            // A weak reference of our own, cleared by the same collection as any dead buffer's: once it
            // is queued, the reference handler has worked through that collection's references.
            ReferenceQueue<Object> q = new ReferenceQueue<>();
            WeakReference<Object> sentinel = new WeakReference<>(new Object(), q);
            System.gc();
            try {
                q.remove(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sentinel.clear();
            poke();
        }
        synchronized (leaks) {
            List<String> out = new ArrayList<>(leaks);
            leaks.clear();
            return out;
        }
    }

    /** Each tracked allocation polls its detector's queue of dead resources. */
    private static void poke() {
        for (ByteBufAllocator a : List.of(ByteBufAllocator.DEFAULT, Unpooled.buffer(0).alloc())) {
            for (int i = 0; i < 4; i++) {
                a.directBuffer(16).release();
                a.heapBuffer(16).release();
                a.ioBuffer(16).release();
            }
        }
        Unpooled.directBuffer(16).release();
        Unpooled.buffer(16).release();
    }

    /**
     * Proves, once per JVM, that a leak would be seen: leaks one buffer on purpose and expects it
     * reported. Without this a misinstalled hook would make every leak check pass vacuously.
     */
    public static synchronized void verifyOnce() {
        if (verified) {
            return;
        }
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("run with -Dio.netty.leakDetection.level=PARANOID, not "
                    + ResourceLeakDetector.getLevel());
        }
        List<String> before = collect();
        if (!before.isEmpty()) {
            throw new AssertionError("leaks before any test of this class ran:\n" + String.join("\n", before));
        }
        quiet = true;
        List<String> found;
        try {
            leakOne();
            found = collect();
        } finally {
            quiet = false;
        }
        if (found.size() != 1 || !found.get(0).contains("LEAK")) {
            throw new IllegalStateException("the leak recorder is not in effect (the canary leak was not reported: "
                    + found + "); was a ByteBuf class loaded before LeakRecorder.install()?");
        }
        verified = true;
    }

    private static void leakOne() {
        ByteBuf canary = ByteBufAllocator.DEFAULT.directBuffer(8);
        canary.writeLong(42);
        // dropped without release on purpose
    }
}
