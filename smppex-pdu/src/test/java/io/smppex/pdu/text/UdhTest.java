package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdhTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void parsesAnEightBitConcatHeader() {
        Udh udh = Udh.parse(hex("050003CC0201 906536FB0D"));
        assertThat(udh.length()).isEqualTo(6);
        assertThat(udh.elements()).containsExactly(new Udh.InformationElement(0x00, hex("CC0201")));
        assertThat(udh.concat()).contains(new Udh.Concat(0xCC, 2, 1, false));
        assertThat(udh.toBytes()).isEqualTo(hex("050003CC0201"));
    }

    @Test
    void parsesASixteenBitConcatHeader() {
        Udh udh = Udh.parse(hex("060804ABCD0302 0041"));
        assertThat(udh.length()).isEqualTo(7);
        assertThat(udh.concat()).contains(new Udh.Concat(0xABCD, 3, 2, true));
    }

    @Test
    void parsesSeveralElements() {
        Udh udh = Udh.parse(hex("0B 05040B8423F0 000301 0302"));
        assertThat(udh.length()).isEqualTo(12);
        assertThat(udh.elements()).extracting(Udh.InformationElement::id).containsExactly(0x05, 0x00);
        assertThat(udh.concat()).contains(new Udh.Concat(0x01, 3, 2, false));
        assertThat(Udh.fillBits(udh.length())).isEqualTo(2);
    }

    @Test
    void emptyHeaderIsValid() {
        Udh udh = Udh.parse(hex("00 41"));
        assertThat(udh.length()).isEqualTo(1);
        assertThat(udh.elements()).isEmpty();
        assertThat(udh.concat()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",             // no UDHL at all
        "05 0003CC",    // UDHL beyond the end
        "03 0003CC",    // element data overruns the header
        "01 00",        // element header cut short
        "04 0001AA 00", // second element header cut short
    })
    void malformedHeadersThrowTheTypedException(String bytes) {
        assertThatThrownBy(() -> Udh.parse(hex(bytes))).isInstanceOf(UdhFormatException.class);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverCauseAnythingButTheTypedException(@ForAll @Size(max = 20) byte[] bytes) {
        try {
            Udh udh = Udh.parse(bytes);
            assertThat(udh.length()).isBetween(1, bytes.length);
            assertThat(udh.toBytes()).isEqualTo(java.util.Arrays.copyOf(bytes, udh.length()));
            udh.concat();
        } catch (UdhFormatException expected) {
            // fine: the only failure allowed
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "05 0003CC0000", // total 0
        "05 0003CC0200", // part 0
        "05 0003CC0203", // part > total
        "06 0004CC0201FF", // wrong length for the 8-bit element
        "05 0803CC0201", // wrong length for the 16-bit element
    })
    void unusableConcatElementsAreIgnored(String bytes) {
        assertThat(Udh.parse(hex(bytes)).concat()).isEmpty();
    }

    @Test
    void theLastUsableConcatElementWins() {
        assertThat(Udh.parse(hex("0A 0003010201 0003020302")).concat()).contains(new Udh.Concat(2, 3, 2, false));
        assertThat(Udh.parse(hex("0A 0003010201 0003020300")).concat()).contains(new Udh.Concat(1, 2, 1, false));
    }

    @Test
    void buildsConcatHeaders() {
        assertThat(Udh.concat8(0xCC, 3, 1)).isEqualTo(hex("050003CC0301"));
        assertThat(Udh.concat8(0x2A, 2, 1)).isEqualTo(hex("0500032A0201"));
        assertThat(Udh.concat16(0x1234, 255, 255)).isEqualTo(hex("0608041234FFFF"));
        assertThatThrownBy(() -> Udh.concat8(256, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Udh.concat8(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Udh.concat8(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Udh.concat16(65536, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Udh.concat16(1, 256, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsHeadersFromElements() {
        Udh udh = Udh.of(new Udh.InformationElement(Udh.IEI_PORTS_16BIT, hex("0B8423F0")),
                new Udh.InformationElement(Udh.IEI_CONCAT_8BIT, hex("070201")));
        assertThat(udh.toBytes()).isEqualTo(hex("0B 05040B8423F0 0003070201"));
        assertThat(Udh.parse(udh.toBytes())).isEqualTo(udh);
        assertThatThrownBy(() -> Udh.of(List.of(new Udh.InformationElement(1, new byte[200]),
                new Udh.InformationElement(2, new byte[60])))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Udh.InformationElement(256, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void informationElementsAreImmutable() {
        byte[] data = hex("010203");
        Udh.InformationElement ie = new Udh.InformationElement(0, data);
        data[0] = 9;
        ie.data()[1] = 9;
        assertThat(ie.data()).isEqualTo(hex("010203"));
    }

    @Test
    void fillBits() {
        assertThat(Udh.fillBits(0)).isZero();
        assertThat(Udh.fillBits(6)).isEqualTo(1);
        assertThat(Udh.fillBits(7)).isZero();
        assertThat(Udh.fillBits(12)).isEqualTo(2);
        assertThatThrownBy(() -> Udh.fillBits(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
