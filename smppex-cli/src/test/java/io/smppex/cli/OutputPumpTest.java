package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The printer queue of mc: bounded, counts what it skips, never makes its producer wait. */
@Timeout(30)
class OutputPumpTest {

    /** Blocks the first write until released: a pipe nobody reads. */
    static final class StuckOutput extends OutputStream {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final ByteArrayOutputStream got = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (got) {
                got.write(b, off, len);
            }
        }

        String text() {
            synchronized (got) {
                return got.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void aProducerNeverWaitsForAStuckOutputAndTheQueueStaysBounded() throws Exception {
        StuckOutput stuck = new StuckOutput();
        OutputPump pump = new OutputPump(new PrintStream(stuck, true, StandardCharsets.UTF_8), 10);
        pump.offer("first");
        assertThat(stuck.writing.await(10, TimeUnit.SECONDS)).as("the printer is stuck in its first write").isTrue();
        // The printer will never come back: the producer must still return at once, every time.
        int queued = 0;
        for (int i = 0; i < 100_000; i++) {
            if (pump.offer("line " + i)) {
                queued++;
            }
        }
        assertThat(queued).as("no more than the queue holds").isEqualTo(10);
        assertThat(pump.skipped()).isEqualTo(100_000 - 10);
        assertThat(pump.close(100, TimeUnit.MILLISECONDS)).as("close gives up on a stuck output").isFalse();
        assertThat(pump.offer("after close")).isFalse();
        stuck.release.countDown();
    }

    @Test
    void skippedLinesAreCountedInTheOutputBeforeTheNextLine() throws Exception {
        StuckOutput stuck = new StuckOutput();
        OutputPump pump = new OutputPump(new PrintStream(stuck, true, StandardCharsets.UTF_8), 2);
        pump.offer("first");
        assertThat(stuck.writing.await(10, TimeUnit.SECONDS)).isTrue();
        pump.offer("kept 1");
        pump.offer("kept 2");
        for (int i = 0; i < 5; i++) {
            assertThat(pump.offer("lost " + i)).isFalse();
        }
        stuck.release.countDown();
        assertThat(pump.close(10, TimeUnit.SECONDS)).isTrue();
        String nl = System.lineSeparator();
        assertThat(stuck.text()).isEqualTo("first" + nl + "... 5 lines skipped" + nl + "kept 1" + nl + "kept 2" + nl);
        assertThat(pump.written()).isEqualTo(3);
    }

    @Test
    void entriesAreFormattedOnThePrinterThreadInOrder() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        OutputPump pump = new OutputPump(new PrintStream(buf, true, StandardCharsets.UTF_8), 1000);
        AtomicInteger formattedElsewhere = new AtomicInteger();
        Thread me = Thread.currentThread();
        for (int i = 0; i < 500; i++) {
            int n = i;
            pump.offer(() -> {
                if (Thread.currentThread() != me) {
                    formattedElsewhere.incrementAndGet();
                }
                return "entry " + n;
            });
        }
        assertThat(pump.put("last", 5, TimeUnit.SECONDS)).isTrue();
        assertThat(pump.close(10, TimeUnit.SECONDS)).isTrue();
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(501);
        assertThat(lines[0]).isEqualTo("entry 0");
        assertThat(lines[499]).isEqualTo("entry 499");
        assertThat(lines[500]).isEqualTo("last");
        assertThat(formattedElsewhere.get()).isEqualTo(500);
        assertThat(pump.skipped()).isZero();
    }

    @Test
    void aPrinterThatKeepsUpNeverRestsAndOneThatIsBehindWorksAThirdOfTheTime() {
        assertThat(OutputPump.pauseNanos(5_000, false)).isZero();
        assertThat(OutputPump.pauseNanos(5_000, true)).isEqualTo(10_000);
        assertThat(OutputPump.pauseNanos(0, true)).isZero();
        assertThat(OutputPump.pauseNanos(-1, true)).as("a clock step backwards").isZero();
        assertThat(OutputPump.pauseNanos(TimeUnit.SECONDS.toNanos(1), true)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
    }
}
