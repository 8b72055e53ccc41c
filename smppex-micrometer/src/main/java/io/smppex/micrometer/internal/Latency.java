package io.smppex.micrometer.internal;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One latency meter, recorded on the hot path. Without histograms it is a {@link FunctionTimer}
 * over {@link Sums} (about 10 ns a record from any thread, where a Micrometer {@link Timer} costs
 * 35 ns and 70 ns with a percentile histogram, mostly its max and histogram rotation), and a
 * session's event loop records through a {@link Cell} of its own (plain adds, no atomic
 * instruction); with histograms it is a real {@link Timer} publishing percentile buckets.
 */
interface Latency {
    /** Records one duration in nanoseconds. */
    void record(long nanos);

    /**
     * A recorder of this meter for one thread alone, the event loop of one session: the meter
     * itself when it has no cheaper way. A cell must be {@linkplain Cell#retire retired} when its
     * session closes or stops recording into this meter.
     */
    default Latency cell() {
        return this;
    }

    /** A latency meter registered in {@code registry}. */
    static Latency register(MeterRegistry registry, String name, String description, Tags tags, boolean histogram,
                            long minExpectedNanos, long maxExpectedNanos) {
        if (histogram) {
            Timer.Builder b = Timer.builder(name).description(description).tags(tags).publishPercentileHistogram(true);
            if (minExpectedNanos > 0) {
                b.minimumExpectedValue(java.time.Duration.ofNanos(minExpectedNanos))
                        .maximumExpectedValue(java.time.Duration.ofNanos(maxExpectedNanos));
            }
            Timer t = b.register(registry);
            return nanos -> t.record(nanos, TimeUnit.NANOSECONDS);
        }
        Sums s = new Sums();
        FunctionTimer.builder(name, s, Sums::count, Sums::total, TimeUnit.NANOSECONDS).description(description)
                .tags(tags).register(registry);
        return s;
    }

    /**
     * Count and total: two {@link LongAdder}s for recorders on any thread, plus the {@link Cell}s of
     * open sessions and what closed sessions' cells held. Two uncontended adder adds are two atomic
     * instructions, 14 ns on the 2-core VM, a visible part of a request the engine handles in
     * about 1.3 µs of CPU on both sides together; a cell's adds are plain stores.
     *
     * <p>Reading sums the cells under this meter's lock, and retiring a cell moves its values into
     * the retired totals under the same lock, so a scrape never counts a closed session twice or
     * not at all, and the count never goes down.
     */
    final class Sums implements Latency {
        private final LongAdder count = new LongAdder();
        private final LongAdder total = new LongAdder();
        /** Open sessions' cells; identity semantics. Guarded by this, as are the retired sums. */
        private final Set<Cell> cells = new HashSet<>();
        private long retiredCount;
        private long retiredTotal;

        @Override
        public void record(long nanos) {
            count.increment();
            total.add(nanos < 0 ? 0 : nanos);
        }

        @Override
        public Latency cell() {
            Cell c = new Cell(this);
            synchronized (this) {
                cells.add(c);
            }
            return c;
        }

        /** Cells not yet retired: one per open session that recorded here. */
        synchronized int openCells() {
            return cells.size();
        }

        synchronized void retire(Cell c) {
            if (cells.remove(c)) {
                retiredCount += c.count();
                retiredTotal += c.total();
            }
        }

        synchronized long count() {
            long n = count.sum() + retiredCount;
            for (Cell c : cells) {
                n += c.count();
            }
            return n;
        }

        synchronized double total() {
            long n = total.sum() + retiredTotal;
            for (Cell c : cells) {
                n += c.total();
            }
            return n;
        }
    }

    /**
     * One session's share of a {@link Sums}, written by that session's event loop only. The writes
     * are opaque, which on x86 and ARM is a plain store but keeps each long whole for the scrape
     * thread's opaque reads; a scrape may miss the last few records, never see a torn value.
     */
    final class Cell implements Latency {
        private static final VarHandle COUNT;
        private static final VarHandle TOTAL;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                COUNT = l.findVarHandle(Cell.class, "count", long.class);
                TOTAL = l.findVarHandle(Cell.class, "total", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Sums owner;
        private long count;
        private long total;

        Cell(Sums owner) {
            this.owner = owner;
        }

        @Override
        public void record(long nanos) {
            COUNT.setOpaque(this, count + 1);
            TOTAL.setOpaque(this, total + (nanos < 0 ? 0 : nanos));
        }

        long count() {
            return (long) COUNT.getOpaque(this);
        }

        long total() {
            return (long) TOTAL.getOpaque(this);
        }

        /** Hands what this cell holds to its meter for good; called on the cell's own thread. */
        void retire() {
            owner.retire(this);
        }
    }
}
