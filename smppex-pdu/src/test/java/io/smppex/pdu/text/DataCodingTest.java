package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataCodingTest {

    @Test
    void constantsMatchTheSmppTable() {
        assertThat(new int[] {DataCoding.MC_DEFAULT, DataCoding.IA5, DataCoding.OCTET_UNSPECIFIED_2,
            DataCoding.LATIN1, DataCoding.OCTET_UNSPECIFIED, DataCoding.JIS, DataCoding.CYRILLIC,
            DataCoding.LATIN_HEBREW, DataCoding.UCS2, DataCoding.PICTOGRAM, DataCoding.ISO_2022_JP,
            DataCoding.EXTENDED_KANJI, DataCoding.KS_C_5601})
                .containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x0E);
    }

    @ParameterizedTest
    @CsvSource({
        "0x00, GSM7", "0x01, ASCII", "0x02, BINARY", "0x03, LATIN1", "0x04, BINARY", "0x05, OTHER",
        "0x06, CYRILLIC", "0x07, HEBREW", "0x08, UCS2", "0x09, OTHER", "0x0A, OTHER", "0x0B, OTHER",
        "0x0C, OTHER", "0x0D, OTHER", "0x0E, OTHER", "0x0F, OTHER",
        // TS 23.038 general data coding, uncompressed: bits 3-2 pick the alphabet
        "0x10, GSM7", "0x13, GSM7", "0x14, BINARY", "0x17, BINARY", "0x18, UCS2", "0x1B, UCS2", "0x1C, OTHER",
        // bit 5 set: compressed
        "0x20, OTHER", "0x24, OTHER", "0x28, OTHER", "0x30, OTHER", "0x3F, OTHER",
        "0x40, OTHER", "0x80, OTHER", "0xBF, OTHER",
        "0xC0, GSM7", "0xCF, GSM7", "0xD0, GSM7", "0xDF, GSM7", "0xE0, UCS2", "0xEF, UCS2",
        "0xF0, GSM7", "0xF1, GSM7", "0xF3, GSM7", "0xF4, BINARY", "0xF5, BINARY", "0xF7, BINARY",
        "0xF8, GSM7", "0xFC, BINARY", "0xFF, BINARY",
    })
    void alphabetOf(String value, Alphabet expected) {
        assertThat(DataCoding.alphabetOf(Integer.decode(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x00 | MC default alphabet",
        "0x01 | IA5 (ASCII)",
        "0x03 | Latin 1 (ISO-8859-1)",
        "0x04 | octet unspecified (8-bit binary)",
        "0x08 | UCS2",
        "0x0E | KS C 5601",
        "0x0B | reserved",
        "0x7F | reserved",
        "0x10 | reserved; as GSM DCS: message class 0, default alphabet",
        "0x18 | reserved; as GSM DCS: message class 0, UCS2",
        "0x0F | reserved",
        "0x26 | reserved; as GSM DCS: compressed, 8-bit data",
        "0xC8 | GSM message waiting indication, discard message, voicemail active",
        "0xD1 | GSM message waiting indication, store message, default alphabet, fax inactive",
        "0xEA | reserved; as GSM DCS: GSM message waiting indication, store message, UCS2, e-mail active",
        "0xF0 | GSM message class 0, default alphabet",
        "0xF1 | GSM message class 1, default alphabet",
        "0xF6 | GSM message class 2, 8-bit data",
        "0xF7 | GSM message class 3, 8-bit data",
        "0xF8 | GSM message class 0, default alphabet (reserved bit 3 set)",
    })
    void describe(String value, String expected) {
        assertThat(DataCoding.describe(Integer.decode(value))).isEqualTo(expected);
    }

    @Test
    void everyOctetValueHasADescriptionAndAnAlphabet() {
        for (int dc = 0; dc <= 0xFF; dc++) {
            assertThat(DataCoding.describe(dc)).isNotBlank();
            assertThat(DataCoding.alphabetOf(dc)).isNotNull();
        }
    }

    @Test
    void valuesOutsideAnOctetAreRejected() {
        assertThatThrownBy(() -> DataCoding.describe(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataCoding.describe(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataCoding.alphabetOf(0x100)).isInstanceOf(IllegalArgumentException.class);
    }
}
