package io.smppex.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An OutputStream that keeps what was written and lets a test wait for a line, without sleeping. */
final class LineCapture extends OutputStream {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        buf.write(b);
        if (b == '\n') {
            notifyAll();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        buf.write(b, off, len);
        notifyAll();
    }

    synchronized String text() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Waits for a complete line matching {@code p}; fails the test if none comes in time. */
    synchronized String awaitLine(Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> hit = completeLines().stream().filter(p).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching line within " + timeout + "; output so far:\n" + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private List<String> completeLines() {
        String t = buf.toString(StandardCharsets.UTF_8);
        int last = t.lastIndexOf('\n');
        return last < 0 ? List.of() : Arrays.asList(t.substring(0, last).split("\\R"));
    }
}
