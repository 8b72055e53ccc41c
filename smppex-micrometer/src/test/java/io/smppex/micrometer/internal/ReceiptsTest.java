package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The receipt table fed through per-thread outboxes: nothing tracked is missed or counted twice. */
class ReceiptsTest {

    private static void on(Runnable r) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(t.isAlive()).isFalse();
        assertThat(failed.get()).isNull();
    }

    @Test
    void aSubmitLeftInOneThreadsOutboxIsFoundByAReceiptOnAnother() throws Exception {
        Receipts r = new Receipts(100);
        AtomicReference<ReceiptTracker.Outbox> box = new AtomicReference<>();
        on(() -> {
            box.set(r.outbox());
            r.track(box.get(), "38601fa", 100);
        });
        assertThat(box.get().pending()).as("one submit, far from a full outbox: not drained yet").isEqualTo(1);
        // The decimal form in the receipt text, as ReceiptTrackerTest matches it without an outbox.
        assertThat(r.match("0059113978", true)).isEqualTo(100);
        assertThat(r.size()).isZero();
    }

    @Test
    void aFullTableDropsTheOldestAndCountsEachDropOnce() throws Exception {
        Receipts r = new Receipts(10);
        on(() -> {
            ReceiptTracker.Outbox o = r.outbox();
            for (int i = 0; i < 100; i++) {
                r.track(o, "id-" + i, i);
            }
        });
        assertThat(r.size()).isEqualTo(10);
        assertThat(r.evicted()).isEqualTo(90);
        assertThat(r.evicted()).as("read twice, counted once").isEqualTo(90);
        assertThat(r.match("id-89", true)).isEqualTo(Long.MIN_VALUE);
        assertThat(r.match("id-90", true)).isEqualTo(90);
        assertThat(r.match("id-99", true)).isEqualTo(99);
    }

    @Test
    void anotherThreadWithTheOutboxGoesStraightToTheTable() throws Exception {
        Receipts r = new Receipts(100);
        AtomicReference<ReceiptTracker.Outbox> box = new AtomicReference<>();
        Thread owner = new Thread(() -> box.set(r.outbox()));
        owner.start();
        owner.join();
        r.track(box.get(), "abc", 7);
        assertThat(box.get().pending()).isZero();
        assertThat(r.match("abc", true)).isEqualTo(7);
    }

    @Test
    void theOutboxOfAThreadThatEndedIsForgottenOnceDrained() throws Exception {
        Receipts r = new Receipts(100);
        on(() -> {
            ReceiptTracker.Outbox o = r.outbox();
            r.track(o, "1", 1);
            r.track(o, "2", 2);
        });
        assertThat(r.outboxes()).isEqualTo(1);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.outboxes()).isZero();
        assertThat(r.match("2", true)).isEqualTo(2);
    }

    @Test
    void blankIdsAreNotHeldThroughAnOutboxEither() throws Exception {
        Receipts r = new Receipts(100);
        on(() -> r.track(r.outbox(), "   ", 1));
        assertThat(r.size()).isZero();
    }

    @Test
    void receiptsOnOneThreadFindEverySubmitThatFourOthersTrackedBeforeThem() throws Exception {
        int producers = 4;
        int each = 20_000;
        Receipts r = new Receipts(producers * each);
        ConcurrentLinkedQueue<String> published = new ConcurrentLinkedQueue<>();
        AtomicInteger running = new AtomicInteger(producers);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int from = p * each;
            threads.add(new Thread(() -> {
                ReceiptTracker.Outbox o = r.outbox();
                for (int i = from; i < from + each; i++) {
                    String id = Integer.toHexString(i + 1);
                    r.track(o, id, i + 1);
                    // Only after tracking: a receipt cannot come before its submit_sm_resp.
                    published.add(id);
                }
                running.decrementAndGet();
            }));
        }
        threads.forEach(Thread::start);
        int matched = 0;
        long missed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((running.get() > 0 || !published.isEmpty()) && System.nanoTime() < deadline) {
            String id = published.poll();
            if (id == null) {
                Thread.onSpinWait();
                continue;
            }
            long at = r.match(id, true);
            if (at == Integer.parseInt(id, 16)) {
                matched++;
            } else {
                missed++;
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(missed).isZero();
        assertThat(matched).isEqualTo(producers * each);
        assertThat(r.evicted()).isZero();
        assertThat(r.size()).isZero();
    }
}
