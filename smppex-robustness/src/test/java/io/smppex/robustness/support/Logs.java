package io.smppex.robustness.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.event.Level;

/**
 * The log sink of this module's own SLF4J binding ({@link CapturingSlf4jProvider}). A test binding
 * instead of slf4j-simple because the tests must (a) raise the level to TRACE for a few binds and
 * back, at run time, and (b) see every formatted line, Netty's included, without parsing a file.
 *
 * <p>WARN and above also go to stderr (Surefire keeps them in the report's output file), capped so
 * that 10,000 sessions ending do not write megabytes.
 */
public final class Logs {
    private static volatile int threshold = Level.WARN.toInt();
    private static final List<Capture> captures = new CopyOnWriteArrayList<>();
    private static final AtomicLong printed = new AtomicLong();
    private static final AtomicLong errorsFromSmppex = new AtomicLong();
    private static final long PRINT_CAP = 20_000;

    private Logs() {
    }

    /** One formatted event. */
    public record Event(Level level, String logger, String thread, String message, String throwable) {
        /** Everything that would reach a log file: message and stack trace. */
        public String text() {
            return message + (throwable == null ? "" : "\n" + throwable);
        }

        @Override
        public String toString() {
            return level + " " + logger + " [" + thread + "] " + text();
        }
    }

    /** Collects every event at or above the current threshold until closed; restores the threshold then. */
    public static final class Capture implements AutoCloseable {
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final int previous;

        private Capture(int previous) {
            this.previous = previous;
        }

        public List<Event> events() {
            return new ArrayList<>(events);
        }

        /** All events as text, one per line. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Event e : events) {
                sb.append(e).append('\n');
            }
            return sb.toString();
        }

        @Override
        public void close() {
            captures.remove(this);
            threshold = previous;
        }
    }

    /** Starts capturing with the level set to {@code level} (events below it are not even formatted). */
    public static Capture capture(Level level) {
        Capture c = new Capture(threshold);
        threshold = level.toInt();
        captures.add(c);
        return c;
    }

    static boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    /**
     * ERROR events logged by io.smppex code since the JVM started: the library logs ERROR only when
     * something escaped a handler or could not be encoded, so the fuzz target treats any as a failure.
     */
    public static long smppexErrors() {
        return errorsFromSmppex.get();
    }

    static void log(Level level, String logger, String message, Throwable t) {
        String trace = null;
        if (t != null) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            trace = sw.toString();
        }
        Event e = new Event(level, logger, Thread.currentThread().getName(), message, trace);
        if (level == Level.ERROR && logger.startsWith("io.smppex.") && !logger.startsWith("io.smppex.robustness")) {
            errorsFromSmppex.incrementAndGet();
        }
        for (Capture c : captures) {
            c.events.add(e);
        }
        if (level.toInt() >= Level.WARN.toInt()) {
            long n = printed.incrementAndGet();
            if (n < PRINT_CAP) {
                System.err.println(e);
            } else if (n == PRINT_CAP) {
                System.err.println("(further log lines are not printed)");
            }
        }
    }
}
