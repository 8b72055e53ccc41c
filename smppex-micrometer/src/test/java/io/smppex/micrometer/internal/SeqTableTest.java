package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeqTableTest {

    @Test
    void aTakenNumberGivesBackItsTimeAndCommandOnce() {
        SeqTable t = new SeqTable(10);
        assertThat(t.put(7, 3, 1234L)).isTrue();
        assertThat(t.take(7)).isEqualTo(1234L);
        assertThat(t.lastCommand()).isEqualTo(3);
        assertThat(t.take(7)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.size()).isZero();
    }

    @Test
    void zeroAndNegativeSequenceNumbersAreKeysLikeAnyOther() {
        SeqTable t = new SeqTable(10);
        t.put(0, 1, 5);
        t.put(-1, 2, 6);
        assertThat(t.take(-1)).isEqualTo(6);
        assertThat(t.take(0)).isEqualTo(5);
    }

    @Test
    void beyondItsLimitANewNumberIsRefusedButAKnownOneIsReplaced() {
        SeqTable t = new SeqTable(2);
        assertThat(t.put(1, 0, 10)).isTrue();
        assertThat(t.put(2, 0, 20)).isTrue();
        assertThat(t.put(3, 0, 30)).isFalse();
        assertThat(t.put(2, 0, 21)).isTrue();
        assertThat(t.take(2)).isEqualTo(21);
        assertThat(t.put(3, 0, 30)).isTrue();
        t.clear();
        assertThat(t.size()).isZero();
        assertThat(t.take(1)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void randomPutsAndTakesAgreeWithAHashMap() {
        Random rnd = new Random(15);
        SeqTable t = new SeqTable(5000);
        Map<Integer, long[]> model = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // A narrow key range makes collisions, chains and backward shifts frequent.
            int seq = rnd.nextInt(3000) - 100;
            if (rnd.nextBoolean()) {
                int cmd = rnd.nextInt(60);
                long now = rnd.nextLong() & Long.MAX_VALUE;
                boolean ok = t.put(seq, cmd, now);
                assertThat(ok).isEqualTo(model.size() < 5000 || model.containsKey(seq));
                if (ok) {
                    model.put(seq, new long[] {now, cmd});
                }
            } else {
                long[] want = model.remove(seq);
                long got = t.take(seq);
                if (want == null) {
                    assertThat(got).isEqualTo(Long.MIN_VALUE);
                } else {
                    assertThat(got).isEqualTo(want[0]);
                    assertThat(t.lastCommand()).isEqualTo((int) want[1]);
                }
            }
            assertThat(t.size()).isEqualTo(model.size());
        }
    }
}
