package io.smppex.sim.internal;

import java.util.concurrent.atomic.LongAdder;

/** The simulator's counters; LongAdder because sessions on several loops bump them at once. */
final class Counters {
    final LongAdder connections = new LongAdder();
    final LongAdder bindsAccepted = new LongAdder();
    final LongAdder bindsRefused = new LongAdder();
    final LongAdder submitSm = new LongAdder();
    final LongAdder dataSm = new LongAdder();
    final LongAdder submitMulti = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder querySm = new LongAdder();
    final LongAdder cancelSm = new LongAdder();
    final LongAdder replaceSm = new LongAdder();
    final LongAdder receiptsMade = new LongAdder();
    final LongAdder receiptsSent = new LongAdder();
    final LongAdder receiptsAcked = new LongAdder();
    final LongAdder receiptsRefused = new LongAdder();
    final LongAdder receiptsRetried = new LongAdder();
    final LongAdder receiptsOverflowed = new LongAdder();
    final LongAdder receiptsFailed = new LongAdder();
    final LongAdder moSent = new LongAdder();
    final LongAdder moAcked = new LongAdder();
}
