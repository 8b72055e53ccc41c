package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptTrackerTest {

    @Test
    void aHexIdMatchesItsDecimalFormInTheReceiptText() {
        ReceiptTracker t = new ReceiptTracker(10);
        t.track("38601fa", 100);
        assertThat(t.match("0059113978", true)).isEqualTo(100);
        assertThat(t.size()).isZero();
    }

    @Test
    void anIntermediateReceiptLeavesTheSubmitForTheFinalOne() {
        ReceiptTracker t = new ReceiptTracker(10);
        t.track("abc-1", 7);
        assertThat(t.match("abc-1", false)).isEqualTo(7);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.match("abc-1", true)).isEqualTo(7);
        assertThat(t.match("abc-1", true)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void whenFullTheOldestIsDroppedAndCounted() {
        ReceiptTracker t = new ReceiptTracker(2);
        assertThat(t.track("id-a", 1)).isZero();
        assertThat(t.track("id-b", 2)).isZero();
        assertThat(t.track("id-c", 3)).isEqualTo(1);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.match("id-a", true)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.match("id-b", true)).isEqualTo(2);
        assertThat(t.match("id-c", true)).isEqualTo(3);
    }

    @Test
    void aNewerSubmitWithTheSameIdReplacesTheOlder() {
        ReceiptTracker t = new ReceiptTracker(5);
        t.track("42", 1);
        t.track("42", 2);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.match("42", true)).isEqualTo(2);
    }

    @Test
    void blankAndNullIdsAreNeitherHeldNorMatched() {
        ReceiptTracker t = new ReceiptTracker(5);
        assertThat(t.track("  ", 1)).isZero();
        assertThat(t.size()).isZero();
        assertThat(t.match(null, true)).isEqualTo(Long.MIN_VALUE);
    }
}
