package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.MessageState;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeliveryReceiptPropertiesTest {

    @Provide
    Arbitrary<String> ids() {
        // Any printable ASCII but the space: ids with colons, dashes and key-like words included.
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<LocalDateTime> times() {
        return Combinators.combine(
                Arbitraries.integers().between(2000, 2099),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59)).as(LocalDateTime::of);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        Arbitrary<String> keyish = Arbitraries.of("stat:EXPIRED", "id:1", "text:", " err:", "submit date:2401151030", ": ", "  ");
        return Arbitraries.oneOf(printable, keyish.list().ofMaxSize(4).map(l -> String.join("", l)));
    }

    @Property
    void formatThenParseGivesTheSameReceipt(@ForAll("ids") String id, @ForAll MessageState state,
                                            @ForAll("times") LocalDateTime submitted, @ForAll("times") LocalDateTime done,
                                            @ForAll @IntRange(min = 0, max = 99999) int err, @ForAll("texts") String text) {
        DeliveryReceipt r = DeliveryReceipt.of(id, state, submitted, done, err, text);
        String formatted = r.format();
        assertThat(DeliveryReceipt.parse(formatted)).contains(r);
        assertThat(DeliveryReceipt.parseStrict(formatted)).isEqualTo(r);
        assertThat(r.submitTime()).contains(submitted);
        assertThat(r.doneTime()).contains(done);
        assertThat(r.state()).contains(state);
    }

    @Provide
    Arbitrary<String> extraKeys() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789_-.").ofMaxLength(8);
        return Combinators.combine(first, rest).as((f, r) -> f + r)
                .filter(k -> !List.of("id", "sub", "dlvrd", "submitdate", "donedate", "stat", "err", "text")
                        .contains(ReceiptTextParser.canonical(k)));
    }

    @Property
    void extrasSurviveTheRoundTrip(@ForAll("ids") String id, @ForAll("extraKeys") String key,
                                   @ForAll("ids") String value, @ForAll("texts") String text) {
        DeliveryReceipt r = DeliveryReceipt.builder().id(id).stat("DELIVRD").extra(key, value).text(text).build();
        DeliveryReceipt back = DeliveryReceipt.parse(r.format()).orElseThrow();
        assertThat(back.extras()).containsExactly(org.assertj.core.api.Assertions.entry(key, value));
        assertThat(back.id()).contains(id);
        assertThat(back.text()).contains(DeliveryReceipt.truncate(text, DeliveryReceipt.TEXT_LENGTH));
    }

    @Property
    void formatIsIdempotentOnWhateverParses(@ForAll("receiptish") String s) {
        DeliveryReceipt.parse(s).ifPresent(r -> {
            String once = r.format();
            DeliveryReceipt again = DeliveryReceipt.parse(once).orElseThrow();
            assertThat(again.format()).isEqualTo(once);
        });
    }

    @Property(tries = 2000)
    void tolerantParserNeverThrows(@ForAll String anything) {
        DeliveryReceipt.parse(anything).ifPresent(r -> {
            r.format();
            r.submitTime();
            r.doneTime();
            r.state();
        });
    }

    @Provide
    Arbitrary<String> receiptish() {
        // Fragments of real receipts glued at random, so the scanner meets keys, separators and
        // truncations in every combination rather than mostly random noise.
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("id:", "ID:", "sub:", "dlvrd:", "submit", "date:", "submit date:", "done_date:", "done ",
                        "stat:", "Stat:", "err:", "text:", "Text:", "imsi:", ":", " ", "  ", "\t", "\u0000", "\r\n",
                        "DELIVRD", "0059113978", "38601fa", "2401151030", "240115103059", "9913329999", "x", "é", "\uD83D"),
                Arbitraries.strings().ofMaxLength(6));
        return fragment.list().ofMaxSize(20).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void tolerantParserNeverThrowsOnReceiptLikeInput(@ForAll("receiptish") String s) {
        DeliveryReceipt.parse(s).ifPresent(r -> {
            r.format();
            r.submitTime();
            r.doneTime();
            r.state();
            assertThat(r.id().isPresent() || r.stat().isPresent()).isTrue();
        });
    }
}
