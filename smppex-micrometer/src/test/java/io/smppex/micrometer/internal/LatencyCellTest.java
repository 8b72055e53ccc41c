package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LatencyCellTest {

    @Test
    void aMeterSumsItsOwnRecordsItsOpenCellsAndWhatRetiredCellsHeld() {
        Latency.Sums m = new Latency.Sums();
        Latency.Cell a = (Latency.Cell) m.cell();
        Latency.Cell b = (Latency.Cell) m.cell();
        m.record(100);
        a.record(10);
        a.record(20);
        b.record(5);
        // A negative duration (a clock step) counts but adds nothing, as the meter's own records do.
        b.record(-7);
        assertThat(m.count()).isEqualTo(5);
        assertThat(m.total()).isEqualTo(135.0);

        a.retire();
        assertThat(m.count()).isEqualTo(5);
        assertThat(m.total()).isEqualTo(135.0);
        // Retiring twice must not count the cell twice.
        a.retire();
        b.retire();
        assertThat(m.count()).isEqualTo(5);
        assertThat(m.total()).isEqualTo(135.0);
    }

    @Test
    @Timeout(60)
    void aScrapeWhileACellIsWrittenAndRetiredNeverSeesTheCountGoDown() throws Exception {
        Latency.Sums m = new Latency.Sums();
        int sessions = 200;
        int records = 5_000;
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread scraper = new Thread(() -> {
            long last = 0;
            while (done.getCount() > 0 && wrong.get() == null) {
                long n = m.count();
                if (n < last || n > (long) sessions * records) {
                    wrong.set("count went from " + last + " to " + n);
                }
                last = n;
            }
        });
        scraper.start();
        // One writer thread, as one event loop: each session records through its cell, then closes.
        for (int s = 0; s < sessions; s++) {
            Latency c = m.cell();
            for (int i = 0; i < records; i++) {
                c.record(1);
            }
            ((Latency.Cell) c).retire();
        }
        done.countDown();
        scraper.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(wrong.get()).isNull();
        assertThat(m.count()).isEqualTo((long) sessions * records);
        assertThat(m.total()).isEqualTo((double) sessions * records);
    }

    @Test
    void aTimerWithAHistogramHasNoCellsAndRecordsThroughItself() {
        Latency t = Latency.register(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "t", "d",
                io.micrometer.core.instrument.Tags.empty(), true, 0, 0);
        assertThat(t.cell()).isSameAs(t);
    }
}
