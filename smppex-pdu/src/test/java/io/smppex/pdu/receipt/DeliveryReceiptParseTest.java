package io.smppex.pdu.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.field.MessageState;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryReceiptParseTest {
    static final String P7 = "id:0059113978 sub:001 dlvrd:001 submit date:1002101730 done date:1002101731 stat:DELIVRD err:000 text:@$#!%&/:";
    static final String M8 = "id:a1b2c3d4 sub:001 dlvrd:001 submit date:2401151030 done date:2401151031 stat:DELIVRD err:000 text:Hello World";

    private static DeliveryReceipt parse(String s) {
        return DeliveryReceipt.parse(s).orElseThrow(() -> new AssertionError("not parsed: " + s));
    }

    @Test
    void p7EveryField() {
        DeliveryReceipt r = parse(P7);
        assertThat(r.id()).contains("0059113978");
        assertThat(r.sub()).contains("001");
        assertThat(r.dlvrd()).contains("001");
        assertThat(r.submitDate()).contains("1002101730");
        assertThat(r.doneDate()).contains("1002101731");
        assertThat(r.submitTime()).contains(LocalDateTime.of(2010, 2, 10, 17, 30));
        assertThat(r.doneTime()).contains(LocalDateTime.of(2010, 2, 10, 17, 31));
        assertThat(r.stat()).contains("DELIVRD");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.err()).contains("000");
        assertThat(r.text()).contains("@$#!%&/:");
        assertThat(r.extras()).isEmpty();
        assertThat(DeliveryReceipt.parseStrict(P7)).isEqualTo(r);
        assertThat(r.format()).isEqualTo(P7);
    }

    @Test
    void m8EveryField() {
        DeliveryReceipt r = parse(M8);
        assertThat(r.id()).contains("a1b2c3d4");
        assertThat(r.sub()).contains("001");
        assertThat(r.dlvrd()).contains("001");
        assertThat(r.submitDate()).contains("2401151030");
        assertThat(r.doneDate()).contains("2401151031");
        assertThat(r.submitTime()).contains(LocalDateTime.of(2024, 1, 15, 10, 30));
        assertThat(r.doneTime()).contains(LocalDateTime.of(2024, 1, 15, 10, 31));
        assertThat(r.stat()).contains("DELIVRD");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.err()).contains("000");
        assertThat(r.text()).contains("Hello World");
        assertThat(r.extras()).isEmpty();
        assertThat(r.format()).isEqualTo(M8);
    }

    @Test
    void keysInAnyCase() {
        DeliveryReceipt r = parse("ID:7 SUB:001 DLVRD:000 Submit Date:2401151030 DONE DATE:2401151031 Stat:undeliv Err:005 Text:x");
        assertThat(r.id()).contains("7");
        assertThat(r.sub()).contains("001");
        assertThat(r.dlvrd()).contains("000");
        assertThat(r.submitTime()).contains(LocalDateTime.of(2024, 1, 15, 10, 30));
        assertThat(r.doneTime()).contains(LocalDateTime.of(2024, 1, 15, 10, 31));
        assertThat(r.stat()).contains("undeliv");
        assertThat(r.state()).contains(MessageState.UNDELIVERABLE);
        assertThat(r.err()).contains("005");
        assertThat(r.text()).contains("x");
        assertThat(r.extras()).isEmpty();
    }

    @Test
    void underscoredDateKeysAndExtraSpaces() {
        DeliveryReceipt r = parse("id:1   sub:001\tdlvrd:001  submit_date:2401151030   done_date:2401151031 \r\n stat:EXPIRED  err:000");
        assertThat(r.submitDate()).contains("2401151030");
        assertThat(r.doneDate()).contains("2401151031");
        assertThat(r.state()).contains(MessageState.EXPIRED);
        assertThat(r.err()).contains("000");
        assertThat(r.extras()).isEmpty();
    }

    @Test
    void severalSpacesInsideTheDateKeys() {
        DeliveryReceipt r = parse("id:1 submit   date:2401151030 done\tdate:2401151031 stat:DELIVRD");
        assertThat(r.submitDate()).contains("2401151030");
        assertThat(r.doneDate()).contains("2401151031");
    }

    @Test
    void twelveDigitDatesKeepTheirSeconds() {
        DeliveryReceipt r = parse("id:1 submit date:240115103059 done date:240229235900 stat:DELIVRD");
        assertThat(r.submitDate()).contains("240115103059");
        assertThat(r.submitTime()).contains(LocalDateTime.of(2024, 1, 15, 10, 30, 59));
        assertThat(r.doneTime()).contains(LocalDateTime.of(2024, 2, 29, 23, 59, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2413151030", "2401321030", "2401152430", "2401151060", "24011510", "24011510301", "240115103060", "24O1151030", "", "2302291030"})
    void unreadableDatesStayRawButDoNotParse(String date) {
        DeliveryReceipt r = parse("id:1 submit date:" + date + " stat:DELIVRD");
        assertThat(r.submitDate()).contains(date);
        assertThat(r.submitTime()).isEmpty();
    }

    @Test
    void missingTextAndErr() {
        DeliveryReceipt r = parse("id:42 sub:001 dlvrd:001 submit date:2401151030 done date:2401151031 stat:DELIVRD");
        assertThat(r.id()).contains("42");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.err()).isEmpty();
        assertThat(r.text()).isEmpty();
    }

    @Test
    void missingFieldsAreAbsentNotEmpty() {
        DeliveryReceipt r = parse("stat:REJECTD");
        assertThat(r.id()).isEmpty();
        assertThat(r.sub()).isEmpty();
        assertThat(r.dlvrd()).isEmpty();
        assertThat(r.submitDate()).isEmpty();
        assertThat(r.doneDate()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(r.state()).contains(MessageState.REJECTED);
    }

    @Test
    void emptyValueIsEmptyString() {
        DeliveryReceipt r = parse("id:9 err: text:");
        assertThat(r.err()).contains("");
        assertThat(r.text()).contains("");
    }

    @Test
    void valueAfterASpaceIsTaken() {
        DeliveryReceipt r = parse("id: 9 stat: DELIVRD err:000");
        assertThat(r.id()).contains("9");
        assertThat(r.state()).contains(MessageState.DELIVERED);
    }

    @Test
    void extraVendorFieldsAnywhere() {
        DeliveryReceipt r = parse("imsi:234150000000001 id:5 sub:001 mccmnc:23415 dlvrd:001 submit date:2401151030 "
                + "done date:2401151031 stat:DELIVRD err:000 network.id:op-1 Price:0.05 text:hi");
        assertThat(r.id()).contains("5");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.text()).contains("hi");
        assertThat(r.extras()).containsExactly(
                Map.entry("imsi", "234150000000001"), Map.entry("mccmnc", "23415"),
                Map.entry("network.id", "op-1"), Map.entry("Price", "0.05"));
        assertThat(r.extra("IMSI")).contains("234150000000001");
        assertThat(r.extra("price")).contains("0.05");
        assertThat(r.extra("nope")).isEmpty();
    }

    @Test
    void errAsLetters() {
        DeliveryReceipt r = parse("id:5 stat:UNDELIV err:ABC text:x");
        assertThat(r.err()).contains("ABC");
        assertThat(r.format()).contains(" err:ABC ");
    }

    @Test
    void textMayContainKeysColonsAndSpaces() {
        DeliveryReceipt r = parse("id:5 stat:DELIVRD err:000 text:stat:EXPIRED id:9  err:1 : ");
        assertThat(r.id()).contains("5");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.err()).contains("000");
        assertThat(r.text()).contains("stat:EXPIRED id:9  err:1 : ");
    }

    @Test
    void textKeyInAnyCase() {
        assertThat(parse("id:1 stat:DELIVRD Text:abc").text()).contains("abc");
        assertThat(parse("id:1 stat:DELIVRD TEXT: abc").text()).contains(" abc");
    }

    @Test
    void keysMustStartAWord() {
        DeliveryReceipt r = parse("id:1 stat:DELIVRD xerr:7 foo=err:8");
        assertThat(r.err()).isEmpty();
        assertThat(r.extras()).containsExactly(Map.entry("xerr", "7"));
    }

    @Test
    void firstOccurrenceWins() {
        DeliveryReceipt r = parse("id:1 id:2 stat:DELIVRD stat:EXPIRED imsi:a IMSI:b");
        assertThat(r.id()).contains("1");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.extras()).containsExactly(Map.entry("imsi", "a"));
    }

    @Test
    void leadingAndTrailingGarbage() {
        DeliveryReceipt r = parse("\u0000\u0005 ## receipt >> id:77 sub:001 dlvrd:001 stat:DELIVRD err:000 text:ok then more\u0000\u0000");
        assertThat(r.id()).contains("77");
        assertThat(r.state()).contains(MessageState.DELIVERED);
        assertThat(r.text()).contains("ok then more");
        assertThat(r.extras()).isEmpty();

        DeliveryReceipt noText = parse("junk id:77 stat:DELIVRD err:000 !!! 12:30");
        assertThat(noText.err()).contains("000");
        assertThat(noText.extras()).isEmpty();
    }

    @Test
    void hexAndZeroPaddedIdsAreKeptAsWritten() {
        assertThat(parse("id:38601FA stat:DELIVRD").id()).contains("38601FA");
        assertThat(parse("id:0000000042 stat:DELIVRD").id()).contains("0000000042");
        assertThat(parse("id:7c2a1e6b-90f1-4e0b-9e25-1d0b2b1d7f3a stat:DELIVRD").id())
                .contains("7c2a1e6b-90f1-4e0b-9e25-1d0b2b1d7f3a");
    }

    @Test
    void idMayContainAColon() {
        assertThat(parse("id:abc:def stat:DELIVRD").id()).contains("abc:def");
    }

    @Test
    void unknownStatIsKeptRawWithNoState() {
        DeliveryReceipt r = parse("id:1 stat:FAILED");
        assertThat(r.stat()).contains("FAILED");
        assertThat(r.state()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Hello, how are you?", "text:id:1 stat:DELIVRD", "sub:001 dlvrd:001 err:000", "idx:1 stats:DELIVRD", "id stat"})
    void notAReceipt(String s) {
        assertThat(DeliveryReceipt.parse(s)).isEmpty();
    }

    @Test
    void nullIsNotAReceipt() {
        assertThat(DeliveryReceipt.parse(null)).isEmpty();
    }

    @Test
    void idAloneOrStatAloneIsEnough() {
        assertThat(DeliveryReceipt.parse("id:1")).isPresent();
        assertThat(DeliveryReceipt.parse("stat:DELIVRD")).isPresent();
    }

    @Test
    void strictNamesEverythingMissing() {
        assertThatThrownBy(() -> DeliveryReceipt.parseStrict("id:1 stat:DELIVRD"))
                .isInstanceOfSatisfying(ReceiptFormatException.class, e -> {
                    assertThat(e.missingFields()).containsExactly("sub", "dlvrd", "submit date", "done date", "err", "text");
                    assertThat(e.invalidFields()).isEmpty();
                    assertThat(e.getMessage()).contains("missing sub, dlvrd, submit date, done date, err, text");
                });
    }

    @Test
    void strictNamesInvalidValues() {
        String s = "id: sub:1a dlvrd:001 submit date:2413151030 done date:24011510 stat:FAILED err: text:";
        assertThatThrownBy(() -> DeliveryReceipt.parseStrict(s))
                .isInstanceOfSatisfying(ReceiptFormatException.class, e -> {
                    assertThat(e.missingFields()).isEmpty();
                    assertThat(e.invalidFields()).containsExactly("id", "sub", "submit date", "done date", "stat", "err");
                    assertThat(e.getMessage()).contains("invalid id, sub, submit date, done date, stat, err");
                });
    }

    @Test
    void strictRejectsEnumNamesAsStat() {
        assertThatThrownBy(() -> DeliveryReceipt.parseStrict(M8.replace("DELIVRD", "DELIVERED")))
                .isInstanceOfSatisfying(ReceiptFormatException.class,
                        e -> assertThat(e.invalidFields()).containsExactly("stat"));
    }

    @Test
    void strictAcceptsLayoutVariants() {
        DeliveryReceipt r = DeliveryReceipt.parseStrict(
                "imsi:1 ID:x  SUB:001 dlvrd:000 submit_date:240115103000 done_date:2401151031 stat:expired ERR:ABC TEXT:");
        assertThat(r.state()).contains(MessageState.EXPIRED);
        assertThat(r.extras()).containsOnlyKeys("imsi");
        assertThat(r.text()).contains("");
    }

    @Test
    void strictOnAnythingElseListsAllFields() {
        assertThatThrownBy(() -> DeliveryReceipt.parseStrict("hello"))
                .isInstanceOfSatisfying(ReceiptFormatException.class, e -> assertThat(e.missingFields())
                        .containsExactly("id", "sub", "dlvrd", "submit date", "done date", "stat", "err", "text"));
    }
}
