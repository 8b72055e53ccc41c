package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.field.MessageState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeliveryReceiptFormatTest {
    private static final LocalDateTime SUBMITTED = LocalDateTime.of(2024, 1, 15, 10, 30, 45);
    private static final LocalDateTime DONE = LocalDateTime.of(2024, 1, 15, 10, 31, 2);

    @Test
    void factoryWritesTheCanonicalText() {
        DeliveryReceipt r = DeliveryReceipt.of("a1b2c3d4", MessageState.DELIVERED, SUBMITTED, DONE, 0, "Hello World");
        assertThat(r.format()).isEqualTo(DeliveryReceiptParseTest.M8);
        assertThat(r.toString()).isEqualTo(r.format());
    }

    @Test
    void factoryFieldValues() {
        DeliveryReceipt r = DeliveryReceipt.of("x", MessageState.UNDELIVERABLE, SUBMITTED, DONE, 7,
                "A message longer than twenty characters");
        assertThat(r.sub()).contains("001");
        assertThat(r.dlvrd()).contains("000");
        assertThat(r.stat()).contains("UNDELIV");
        assertThat(r.err()).contains("007");
        assertThat(r.text()).contains("A message longer tha");
        assertThat(r.submitDate()).contains("2401151030");
        assertThat(r.doneDate()).contains("2401151031");
        assertThat(r.format()).isEqualTo("id:x sub:001 dlvrd:000 submit date:2401151030 done date:2401151031 "
                + "stat:UNDELIV err:007 text:A message longer tha");
    }

    @Test
    void factoryWithInstantsUsesTheZone() {
        Instant submitted = SUBMITTED.toInstant(ZoneOffset.UTC);
        Instant done = DONE.toInstant(ZoneOffset.UTC);
        DeliveryReceipt utc = DeliveryReceipt.of("1", MessageState.EXPIRED, submitted, done, ZoneOffset.UTC, 0, "");
        DeliveryReceipt tokyo = DeliveryReceipt.of("1", MessageState.EXPIRED, submitted, done, ZoneId.of("Asia/Tokyo"), 0, "");
        assertThat(utc.submitDate()).contains("2401151030");
        assertThat(tokyo.submitDate()).contains("2401151930");
        assertThat(tokyo.doneDate()).contains("2401151931");
        assertThat(utc.text()).contains("");
        assertThat(utc.format()).endsWith(" text:");
    }

    @Test
    void factoryRejectsWhatCannotBeWritten() {
        assertThatThrownBy(() -> DeliveryReceipt.of("", MessageState.DELIVERED, SUBMITTED, DONE, 0, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryReceipt.of("a b", MessageState.DELIVERED, SUBMITTED, DONE, 0, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryReceipt.of("1", MessageState.DELIVERED, SUBMITTED, DONE, -1, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryReceipt.of("1", MessageState.DELIVERED, LocalDateTime.of(1999, 12, 31, 23, 59), DONE, 0, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1999");
        assertThatThrownBy(() -> DeliveryReceipt.of("1", MessageState.DELIVERED, SUBMITTED, LocalDateTime.of(2100, 1, 1, 0, 0), 0, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2100");
    }

    @Test
    void formatTruncatesTextWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        DeliveryReceipt r = DeliveryReceipt.builder().id("1").text("x".repeat(19) + emoji).build();
        assertThat(r.format()).isEqualTo("id:1 text:" + "x".repeat(19));
        DeliveryReceipt fits = DeliveryReceipt.builder().id("1").text("x".repeat(18) + emoji).build();
        assertThat(fits.format()).isEqualTo("id:1 text:" + "x".repeat(18) + emoji);
    }

    @Test
    void formatNormalisesWhatItCan() {
        DeliveryReceipt r = DeliveryReceipt.parse(
                "id:9 sub:1 dlvrd:12 submit date:240115103059 done date:bad stat:delivered err:5 text:" + "y".repeat(30))
                .orElseThrow();
        assertThat(r.format()).isEqualTo(
                "id:9 sub:001 dlvrd:012 submit date:2401151030 done date:bad stat:DELIVRD err:005 text:" + "y".repeat(20));
    }

    @Test
    void formatKeepsWhatItCannotNormalise() {
        DeliveryReceipt r = DeliveryReceipt.builder().id("1").sub("1234").dlvrd("x1").stat("FAILED").err("ABC").build();
        assertThat(r.format()).isEqualTo("id:1 sub:1234 dlvrd:x1 stat:FAILED err:ABC");
    }

    @Test
    void formatLeavesOutAbsentFieldsAndPutsExtrasBeforeText() {
        DeliveryReceipt r = DeliveryReceipt.builder().stat("DELIVRD").extra("imsi", "1").extra("mcc-mnc", "23415")
                .text("t").build();
        assertThat(r.format()).isEqualTo("stat:DELIVRD imsi:1 mcc-mnc:23415 text:t");
        assertThat(DeliveryReceipt.builder().build().format()).isEmpty();
    }

    @Test
    void builderNumericSettersPad() {
        DeliveryReceipt r = DeliveryReceipt.builder().sub(2).dlvrd(1).err(1234).build();
        assertThat(r.sub()).contains("002");
        assertThat(r.dlvrd()).contains("001");
        assertThat(r.err()).contains("1234");
        assertThatThrownBy(() -> DeliveryReceipt.builder().sub(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRejectsSeparatorsOutsideTheText() {
        assertThatThrownBy(() -> DeliveryReceipt.builder().id("a\tb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryReceipt.builder().err("0 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryReceipt.builder().stat("DEL\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryReceipt.builder().extra("k", "v v")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DeliveryReceipt.builder().text("a b\tc: d").build().text()).contains("a b\tc: d");
    }

    @Test
    void builderRejectsBadExtraKeys() {
        for (String key : new String[] {"", "1abc", "a b", "a:b", "text", "Submit_Date", "ERR", "done date"}) {
            assertThatThrownBy(() -> DeliveryReceipt.builder().extra(key, "v")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void builderExtraReplacesCaseInsensitively() {
        DeliveryReceipt r = DeliveryReceipt.builder().extra("imsi", "1").extra("IMSI", "2").build();
        assertThat(r.extras()).containsOnly(org.assertj.core.api.Assertions.entry("IMSI", "2"));
    }

    @Test
    void builderNullClearsAField() {
        DeliveryReceipt full = DeliveryReceipt.of("1", MessageState.DELIVERED, SUBMITTED, DONE, 0, "t");
        DeliveryReceipt r = full.toBuilder().err(null).text(null).submitTime(null).state(null).build();
        assertThat(r.err()).isEmpty();
        assertThat(r.text()).isEmpty();
        assertThat(r.submitDate()).isEmpty();
        assertThat(r.stat()).isEmpty();
        assertThat(r.id()).contains("1");
    }

    @Test
    void toBuilderCopiesEverything() {
        DeliveryReceipt r = DeliveryReceipt.parse(DeliveryReceiptParseTest.P7 + " ").orElseThrow().toBuilder()
                .extra("imsi", "1").build();
        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toBuilder().id("2").build()).isNotEqualTo(r);
    }

    @Test
    void extrasAreUnmodifiable() {
        DeliveryReceipt r = DeliveryReceipt.builder().extra("a", "1").build();
        assertThatThrownBy(() -> r.extras().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityCoversEveryField() {
        DeliveryReceipt base = DeliveryReceipt.of("1", MessageState.DELIVERED, SUBMITTED, DONE, 0, "t");
        assertThat(base).isEqualTo(DeliveryReceipt.of("1", MessageState.DELIVERED, SUBMITTED, DONE, 0, "t"));
        assertThat(base.toBuilder().sub("002").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().dlvrd("000").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().submitDate("2401151031").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().doneDate("2401151032").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().stat("EXPIRED").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().err("001").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().text("u").build()).isNotEqualTo(base);
        assertThat(base.toBuilder().extra("k", "v").build()).isNotEqualTo(base);
    }
}
