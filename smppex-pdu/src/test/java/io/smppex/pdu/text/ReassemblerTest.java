package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReassemblerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private Reassembler reassembler(int maxPending) {
        return Reassembler.builder().maxPendingMessages(maxPending).timeout(TIMEOUT).nanoClock(clock::get).build();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static List<Segment> parts(String text, SplitMethod method, int reference) {
        return MessageSplitter.split(text, null, method, reference);
    }

    @Test
    void joinsPartsInOrder() {
        Reassembler r = reassembler(10);
        List<Segment> p = parts("a".repeat(400), SplitMethod.UDH_8BIT, 3);
        assertThat(p).hasSize(3);
        assertThat(r.offerWithUdh("A", "B", p.get(0).shortMessage(), TextCodec.GSM7)).isEqualTo(new Reassembler.Pending(1, 3));
        assertThat(r.offerWithUdh("A", "B", p.get(1).shortMessage(), TextCodec.GSM7)).isEqualTo(new Reassembler.Pending(2, 3));
        Reassembler.Result done = r.offerWithUdh("A", "B", p.get(2).shortMessage(), TextCodec.GSM7);
        assertThat(done).isInstanceOfSatisfying(Reassembler.Completed.class, c -> {
            assertThat(c.text()).isEqualTo("a".repeat(400));
            assertThat(c.bytes()).isEqualTo(Gsm7.encodeUnpacked("a".repeat(400)));
            assertThat(c.reference()).isEqualTo(3);
            assertThat(c.total()).isEqualTo(3);
            assertThat(c.dataCoding()).isZero();
        });
        assertThat(r.pendingCount()).isZero();
    }

    @Test
    void joinsPartsOutOfOrderAndIgnoresDuplicates() {
        Reassembler r = reassembler(10);
        String text = "\u044F".repeat(100) + "\uD83D\uDE00" + "z".repeat(100);
        List<Segment> p = parts(text, SplitMethod.UDH_16BIT, 0xBEEF);
        assertThat(p).hasSize(4);
        assertThat(r.offerWithUdh("A", "B", p.get(3).shortMessage(), TextCodec.UCS2)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.offerWithUdh("A", "B", p.get(1).shortMessage(), TextCodec.UCS2)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.offerWithUdh("A", "B", p.get(3).shortMessage(), TextCodec.UCS2)).isEqualTo(new Reassembler.Duplicate(4));
        assertThat(r.offerWithUdh("A", "B", p.get(0).shortMessage(), TextCodec.UCS2)).isEqualTo(new Reassembler.Pending(3, 4));
        assertThat(r.offerWithUdh("A", "B", p.get(2).shortMessage(), TextCodec.UCS2))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.text()).isEqualTo(text));
    }

    @Test
    void partsDeliveredAgainAfterCompletionAreDuplicates() {
        Reassembler r = reassembler(10);
        r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7);
        assertThat(r.offer("A", "B", 1, 2, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Completed.class);
        assertThat(r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7)).isEqualTo(new Reassembler.Duplicate(1));
        assertThat(r.offer("A", "B", 1, 2, 2, hex("62"), TextCodec.GSM7)).isEqualTo(new Reassembler.Duplicate(2));
        assertThat(r.pendingCount()).isZero();
        // Different content under the same key is a new message.
        assertThat(r.offer("A", "B", 1, 2, 2, hex("63"), TextCodec.GSM7)).isEqualTo(new Reassembler.Pending(1, 2));
        assertThat(r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.text()).isEqualTo("ac"));
        // After the timeout the completed message is forgotten.
        clock.addAndGet(TIMEOUT.toNanos());
        assertThat(r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7)).isEqualTo(new Reassembler.Pending(1, 2));
    }

    @Test
    void sarPartsAreOfferedWithTheirNumbers() {
        Reassembler r = reassembler(10);
        List<Segment> p = parts("b".repeat(200), SplitMethod.SAR, 0x1234);
        Segment second = p.get(1);
        assertThat(r.offer("A", "B", second.reference(), second.totalParts(), second.partNumber(),
                second.shortMessage(), TextCodec.GSM7)).isInstanceOf(Reassembler.Pending.class);
        Segment first = p.get(0);
        assertThat(r.offer("A", "B", first.reference(), first.totalParts(), first.partNumber(),
                first.shortMessage(), TextCodec.GSM7))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.text()).isEqualTo("b".repeat(200)));
    }

    @Test
    void packedPartsAreUnpackedWithTheirFillBits() {
        Reassembler r = reassembler(10);
        String text = "Packed {text} \u20AC ".repeat(20) + "@ end";
        List<Segment> p = MessageSplitter.split(text, TextCodec.GSM7_PACKED, SplitMethod.UDH_8BIT, 200);
        assertThat(p.size()).isGreaterThan(1);
        Reassembler.Result last = null;
        for (int i = p.size() - 1; i >= 0; i--) {
            last = r.offerWithUdh("A", "B", p.get(i).shortMessage(), TextCodec.GSM7_PACKED);
        }
        assertThat(last).isInstanceOfSatisfying(Reassembler.Completed.class, c -> {
            assertThat(c.text()).isEqualTo(text);
            assertThat(c.bytes()).as("unpacked septets").isEqualTo(Gsm7.encodeUnpacked(text));
        });
    }

    @Test
    void partsAreJoinedBeforeDecoding() {
        // A careless sender split an escape sequence and a surrogate pair across parts.
        Reassembler r = reassembler(10);
        r.offer("A", "B", 1, 2, 1, hex("61 62 1B"), TextCodec.GSM7);
        assertThat(r.offer("A", "B", 1, 2, 2, hex("65 63"), TextCodec.GSM7))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.text()).isEqualTo("ab\u20ACc"));
        r.offer("A", "B", 2, 2, 1, hex("0041 D83D"), TextCodec.UCS2);
        assertThat(r.offer("A", "B", 2, 2, 2, hex("DE00"), TextCodec.UCS2))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.text()).isEqualTo("A\uD83D\uDE00"));
    }

    @Test
    void partsWithDifferentCodecsAreDecodedEachWithItsOwn() {
        Reassembler r = reassembler(10);
        r.offer("A", "B", 5, 2, 2, TextCodec.UCS2.encode("\u044F"), TextCodec.UCS2);
        assertThat(r.offer("A", "B", 5, 2, 1, Gsm7.encodeUnpacked("a"), TextCodec.GSM7))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> {
                    assertThat(c.text()).isEqualTo("a\u044F");
                    assertThat(c.dataCoding()).isZero();
                });
    }

    @Test
    void binaryPartsComeBackAsBytes() {
        Reassembler r = reassembler(10);
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        List<Segment> p = MessageSplitter.split(data, 4, SplitMethod.UDH_8BIT, 9);
        Reassembler.Result last = null;
        for (Segment s : p) {
            last = r.offerWithUdh("A", "B", s.shortMessage(), TextCodec.forDataCoding(s.dataCoding()));
        }
        assertThat(last).isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.bytes()).isEqualTo(data));
    }

    @Test
    void keysIncludeAddressesReferenceAndTotal() {
        Reassembler r = reassembler(10);
        r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7);
        assertThat(r.offer("X", "B", 1, 2, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.offer("A", "X", 1, 2, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.offer("A", "B", 2, 2, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.offer("A", "B", 1, 3, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.pendingCount()).isEqualTo(5);
        assertThat(r.offer("A", "B", 1, 2, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Completed.class);
    }

    @Test
    void invalidNumberingIsRejected() {
        Reassembler r = reassembler(10);
        assertThat(r.offer("A", "B", 1, 2, 0, hex("61"), TextCodec.GSM7)).isInstanceOf(Reassembler.Rejected.class);
        assertThat(r.offer("A", "B", 1, 2, 3, hex("61"), TextCodec.GSM7)).isInstanceOf(Reassembler.Rejected.class);
        assertThat(r.offer("A", "B", 1, 0, 1, hex("61"), TextCodec.GSM7)).isInstanceOf(Reassembler.Rejected.class);
        assertThat(r.offer("A", "B", 1, 256, 1, hex("61"), TextCodec.GSM7)).isInstanceOf(Reassembler.Rejected.class);
        assertThat(r.offer("A", "B", 65536, 2, 1, hex("61"), TextCodec.GSM7)).isInstanceOf(Reassembler.Rejected.class);
        assertThat(r.offerWithUdh("A", "B", hex("05 0003"), TextCodec.GSM7))
                .isInstanceOfSatisfying(Reassembler.Rejected.class, x -> assertThat(x.reason()).contains("malformed UDH"));
        assertThat(r.pendingCount()).isZero();
    }

    @Test
    void singlePartMessagesCompleteAtOnce() {
        Reassembler r = reassembler(10);
        assertThat(r.offer("A", "B", 1, 1, 1, hex("48 69"), TextCodec.GSM7))
                .isEqualTo(new Reassembler.Completed("Hi", hex("48 69"), 0, 1, 1));
        // A header with only port addressing: not concatenated.
        assertThat(r.offerWithUdh("A", "B", hex("06 05040B8423F0 4869"), TextCodec.GSM7))
                .isEqualTo(new Reassembler.Completed("Hi", hex("48 69"), 0, 0, 1));
        // An unusable concat element (part 0) is ignored, so the message stands alone.
        assertThat(r.offerWithUdh("A", "B", hex("05 0003010200 4869"), TextCodec.GSM7))
                .isInstanceOfSatisfying(Reassembler.Completed.class, c -> assertThat(c.text()).isEqualTo("Hi"));
        assertThat(r.pendingCount()).isZero();
    }

    @Test
    void whenFullTheOldestPendingMessageIsEvicted() {
        Reassembler r = reassembler(2);
        r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7);
        clock.addAndGet(1);
        r.offer("A", "B", 2, 3, 1, hex("61"), TextCodec.GSM7);
        r.offer("A", "B", 2, 3, 2, hex("62"), TextCodec.GSM7);
        clock.addAndGet(1);
        r.offer("A", "B", 3, 2, 1, hex("61"), TextCodec.GSM7);
        assertThat(r.pendingCount()).isEqualTo(2);
        assertThat(r.drainEvicted()).containsExactly(
                new Reassembler.Evicted("A", "B", 1, 2, 1, Reassembler.Evicted.Reason.CAPACITY));
        assertThat(r.drainEvicted()).isEmpty();
        // Message 1 is gone: its second part now starts over.
        assertThat(r.offer("A", "B", 1, 2, 2, hex("62"), TextCodec.GSM7)).isEqualTo(new Reassembler.Pending(1, 2));
        assertThat(r.drainEvicted()).extracting(Reassembler.Evicted::reference).containsExactly(2);
    }

    @Test
    void incompleteMessagesExpire() {
        Reassembler r = reassembler(10);
        r.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7);
        clock.addAndGet(TIMEOUT.toNanos() / 2);
        r.offer("A", "B", 2, 2, 1, hex("61"), TextCodec.GSM7);
        clock.addAndGet(TIMEOUT.toNanos() / 2 - 1);
        assertThat(r.evictExpired()).isZero();
        assertThat(r.pendingCount()).isEqualTo(2);

        clock.addAndGet(1);
        // Any call evicts what has expired; message 1's late part then starts a new message.
        assertThat(r.offer("A", "B", 1, 2, 2, hex("62"), TextCodec.GSM7)).isEqualTo(new Reassembler.Pending(1, 2));
        assertThat(r.drainEvicted()).containsExactly(
                new Reassembler.Evicted("A", "B", 1, 2, 1, Reassembler.Evicted.Reason.EXPIRED));
        // Message 2 still completes within its own time.
        assertThat(r.offer("A", "B", 2, 2, 2, hex("62"), TextCodec.GSM7)).isInstanceOf(Reassembler.Completed.class);

        clock.addAndGet(TIMEOUT.toNanos());
        assertThat(r.evictExpired()).isEqualTo(1);
        assertThat(r.pendingCount()).isZero();
        assertThat(r.drainEvicted()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(Reassembler.Evicted.Reason.EXPIRED);
            assertThat(e.received()).isEqualTo(1);
        });
    }

    @Test
    void undrainedEvictionReportsAreBounded() {
        Reassembler r = Reassembler.builder().maxPendingMessages(1).maxEvictionReports(2).timeout(TIMEOUT)
                .nanoClock(clock::get).build();
        for (int ref = 0; ref < 5; ref++) {
            r.offer("A", "B", ref, 2, 1, hex("61"), TextCodec.GSM7);
        }
        assertThat(r.droppedEvictionReports()).isEqualTo(2);
        assertThat(r.drainEvicted()).extracting(Reassembler.Evicted::reference).containsExactly(2, 3);

        Reassembler none = Reassembler.builder().maxPendingMessages(1).maxEvictionReports(0).build();
        none.offer("A", "B", 1, 2, 1, hex("61"), TextCodec.GSM7);
        none.offer("A", "B", 2, 2, 1, hex("61"), TextCodec.GSM7);
        assertThat(none.drainEvicted()).isEmpty();
        assertThat(none.droppedEvictionReports()).isEqualTo(1);
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> Reassembler.builder().maxPendingMessages(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reassembler.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reassembler.builder().maxEvictionReports(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reassembler(0, TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Reassembler(1, TIMEOUT).pendingCount()).isZero();
    }
}
