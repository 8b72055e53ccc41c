package io.smppex.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Output that never slows whoever produces it: entries go on a bounded queue and one printer
 * thread formats and writes them. When the queue is full an entry is skipped and counted, and the
 * printer writes {@code ... N lines skipped} before the next entry it prints. So a terminal that
 * scrolls slowly, a file on a slow disk or a pipe that nobody reads costs lines, never the MC's
 * speed: {@link #offer} never waits.
 *
 * <p>An entry is a {@link Supplier} of its text (one line or a block of lines, without the final
 * line break), so the formatting also happens on the printer thread.
 */
final class OutputPump implements AutoCloseable {
    /** The most entries printed in one write; they are joined first so a flushing stream flushes once. */
    private static final int BATCH = 256;
    private static final Supplier<String> STOP = () -> null;

    private final PrintStream out;
    private final BlockingQueue<Supplier<String>> queue;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread printer;
    private volatile boolean closed;

    /**
     * @param out      where to write, a stream that prints UTF-8 (as {@link Io}'s do); only the printer
     *                 thread writes to it
     * @param capacity the most entries waiting
     */
    OutputPump(PrintStream out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.printer = new Thread(this::run, "smppex-output");
        printer.setDaemon(true);
        printer.start();
    }

    /**
     * Queues an entry, or skips and counts it if the queue is full. Never blocks.
     *
     * @param entry makes the text, on the printer thread
     * @return whether it was queued
     */
    boolean offer(Supplier<String> entry) {
        if (closed || !queue.offer(entry)) {
            skipped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Queues a line already made (see {@link #offer(Supplier)}). */
    boolean offer(String line) {
        return offer(() -> line);
    }

    /**
     * Queues an entry that should not be skipped (a start-up line, the final statistics), waiting
     * up to {@code max} for room. For the command's own thread only, never for an event loop.
     *
     * @return whether it was queued
     */
    boolean put(String line, long max, TimeUnit unit) throws InterruptedException {
        if (closed) {
            return false;
        }
        if (queue.offer(() -> line, max, unit)) {
            return true;
        }
        skipped.incrementAndGet();
        return false;
    }

    /** {@return entries skipped so far} */
    long skipped() {
        return skipped.get();
    }

    /** {@return entries written so far} */
    long written() {
        return written.get();
    }

    /**
     * How long the printer rests after a batch that took {@code batchNanos}. When it is behind
     * (entries were skipped since the last batch, or the queue is more than half full) it could
     * never catch up anyway, and formatting
     * flat out takes a whole core from the MC it reports on: on a 2-core machine, printing every PDU
     * to a file left the MC about a third of its quiet speed. So a printer that is behind rests twice
     * as long as it worked, a third of a core at most, and the entries it has no time for are
     * skipped and counted as before. A printer that keeps up never rests.
     *
     * @param batchNanos how long the batch took to format and write
     * @param behind     whether entries were skipped meanwhile or the queue is more than half full
     * @return the rest in nanoseconds, at most 10 ms so that a stop is never held up long
     */
    static long pauseNanos(long batchNanos, boolean behind) {
        if (!behind || batchNanos <= 0) {
            return 0;
        }
        return Math.min(2 * batchNanos, TimeUnit.MILLISECONDS.toNanos(10));
    }

    private void run() {
        long reported = 0;
        List<Supplier<String>> batch = new ArrayList<>(BATCH);
        StringBuilder text = new StringBuilder();
        try {
            long skippedBefore = skipped.get();
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                long started = System.nanoTime();
                boolean stop = false;
                text.setLength(0);
                int n = 0;
                for (Supplier<String> e : batch) {
                    if (e == STOP) {
                        stop = true;
                        break;
                    }
                    long s = skipped.get();
                    if (s > reported) {
                        text.append("... ").append(s - reported).append(s - reported == 1 ? " line" : " lines")
                                .append(" skipped").append(System.lineSeparator());
                        reported = s;
                    }
                    String line;
                    try {
                        line = e.get();
                    } catch (RuntimeException ex) {
                        line = "(cannot print: " + ex + ")";
                    }
                    if (line != null) {
                        text.append(line).append(System.lineSeparator());
                        n++;
                    }
                }
                batch.clear();
                if (stop) {
                    long s = skipped.get();
                    if (s > reported) {
                        text.append("... ").append(s - reported).append(s - reported == 1 ? " line" : " lines")
                                .append(" skipped").append(System.lineSeparator());
                    }
                }
                if (text.length() > 0) {
                    // Bytes, not print(text): PrintStream's encoder widens each char and encodes it
                    // again, which was a third of the printer's time; a String of Latin-1 encodes to
                    // UTF-8 in one vectorized copy. Io's streams are UTF-8 too, so the text is the same.
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    out.write(bytes, 0, bytes.length);
                    out.flush();
                    written.addAndGet(n);
                }
                if (stop) {
                    return;
                }
                long now = skipped.get();
                long pause = pauseNanos(System.nanoTime() - started, now > skippedBefore || queue.remainingCapacity() < queue.size());
                skippedBefore = now;
                if (pause > 0) {
                    LockSupport.parkNanos(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Prints what is queued, waiting at most {@code max} for it (the output may be stuck: a pipe
     * nobody reads), then stops taking entries.
     *
     * @return whether everything was written in time
     */
    boolean close(long max, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(max);
        if (!closed) {
            closed = true;
            if (!queue.offer(STOP, max, unit)) {
                return false;
            }
        }
        printer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        return !printer.isAlive();
    }

    /** {@link #close(long, TimeUnit)} with five seconds. */
    @Override
    public void close() {
        try {
            close(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
