package io.smppex.pdu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The national language tables against 3GPP TS 23.038, code by code.
 *
 * <p>The expected tables below are laid out as the standard prints them (rows are the low four
 * bits, columns the high three) and were taken from a transcription of TS 23.038 V16.0.0 Annex A
 * (the one in gchq/CyberChef's GSM-7 operation), not from the Release 18 tables the main code's
 * data was taken from, so a slip in either shows up here. Where the two transcriptions disagreed
 * a third one (Android's GsmAlphabet) and the Unicode blocks decided; each such cell carries a
 * "corrected" note. Cells: a code point in hex, {@code ----} for no character, {@code SP},
 * {@code LF}, {@code CR}, {@code ESC} (the escape to the extension table), {@code SS2} (an escape
 * inside an extension table, reserved) and {@code CR2} (reserved for control).
 */
class NationalLanguageTablesTest {

    private static final String NONE = "----";

    private static final Map<String, String> STANDARD = Map.ofEntries(
            // 6.2.1 GSM 7 bit default alphabet table
            Map.entry("DEFAULT locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 0394   SP 0030 00A1 0050 00BF 0070
                0x1  00A3 005F 0021 0031 0041 0051 0061 0071
                0x2  0024 03A6 0022 0032 0042 0052 0062 0072
                0x3  00A5 0393 0023 0033 0043 0053 0063 0073
                0x4  00E8 039B 00A4 0034 0044 0054 0064 0074
                0x5  00E9 03A9 0025 0035 0045 0055 0065 0075
                0x6  00F9 03A0 0026 0036 0046 0056 0066 0076
                0x7  00EC 03A8 0027 0037 0047 0057 0067 0077
                0x8  00F2 03A3 0028 0038 0048 0058 0068 0078
                0x9  00C7 0398 0029 0039 0049 0059 0069 0079
                0xA    LF 039E 002A 003A 004A 005A 006A 007A
                0xB  00D8  ESC 002B 003B 004B 00C4 006B 00E4
                0xC  00F8 00C6 002C 003C 004C 00D6 006C 00F6
                0xD    CR 00E6 002D 003D 004D 00D1 006D 00F1
                0xE  00C5 00DF 002E 003E 004E 00DC 006E 00FC
                0xF  00E5 00C9 002F 003F 004F 00A7 006F 00E0
                """),
            // 6.2.1.1 GSM 7 bit default alphabet extension table
            Map.entry("DEFAULT single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- ---- ---- ---- 007C ---- ---- ----
                0x1  ---- ---- ---- ---- ---- ---- ---- ----
                0x2  ---- ---- ---- ---- ---- ---- ---- ----
                0x3  ---- ---- ---- ---- ---- ---- ---- ----
                0x4  ---- 005E ---- ---- ---- ---- ---- ----
                0x5  ---- ---- ---- ---- ---- ---- 20AC ----
                0x6  ---- ---- ---- ---- ---- ---- ---- ----
                0x7  ---- ---- ---- ---- ---- ---- ---- ----
                0x8  ---- ---- 007B ---- ---- ---- ---- ----
                0x9  ---- ---- 007D ---- ---- ---- ---- ----
                0xA  000C ---- ---- ---- ---- ---- ---- ----
                0xB  ----  SS2 ---- ---- ---- ---- ---- ----
                0xC  ---- ---- ---- 005B ---- ---- ---- ----
                0xD  ---- ---- ---- 007E ---- ---- ---- ----
                0xE  ---- ---- ---- 005D ---- ---- ---- ----
                0xF  ---- ---- 005C ---- ---- ---- ---- ----
                """),
            // A.3.1 Turkish locking shift table
            Map.entry("TURKISH locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 0394   SP 0030 0130 0050 00E7 0070
                0x1  00A3 005F 0021 0031 0041 0051 0061 0071
                0x2  0024 03A6 0022 0032 0042 0052 0062 0072
                0x3  00A5 0393 0023 0033 0043 0053 0063 0073
                0x4  20AC 039B 00A4 0034 0044 0054 0064 0074
                0x5  00E9 03A9 0025 0035 0045 0055 0065 0075
                0x6  00F9 03A0 0026 0036 0046 0056 0066 0076
                0x7  0131 03A8 0027 0037 0047 0057 0067 0077
                0x8  00F2 03A3 0028 0038 0048 0058 0068 0078
                0x9  00C7 0398 0029 0039 0049 0059 0069 0079
                0xA    LF 039E 002A 003A 004A 005A 006A 007A
                0xB  011E  ESC 002B 003B 004B 00C4 006B 00E4
                0xC  011F 015E 002C 003C 004C 00D6 006C 00F6
                0xD    CR 015F 002D 003D 004D 00D1 006D 00F1
                0xE  00C5 00DF 002E 003E 004E 00DC 006E 00FC
                0xF  00E5 00C9 002F 003F 004F 00A7 006F 00E0
                """),
            // A.2.1 Turkish single shift table
            Map.entry("TURKISH single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- ---- ---- ---- 007C ---- ---- ----
                0x1  ---- ---- ---- ---- ---- ---- ---- ----
                0x2  ---- ---- ---- ---- ---- ---- ---- ----
                0x3  ---- ---- ---- ---- ---- 015E 00E7 015F
                0x4  ---- 005E ---- ---- ---- ---- ---- ----
                0x5  ---- ---- ---- ---- ---- ---- 20AC ----
                0x6  ---- ---- ---- ---- ---- ---- ---- ----
                0x7  ---- ---- ---- ---- 011E ---- 011F ----
                0x8  ---- ---- 007B ---- ---- ---- ---- ----
                0x9  ---- ---- 007D ---- 0130 ---- 0131 ----
                0xA  000C ---- ---- ---- ---- ---- ---- ----
                0xB  ----  SS2 ---- ---- ---- ---- ---- ----
                0xC  ---- ---- ---- 005B ---- ---- ---- ----
                0xD   CR2 ---- ---- 007E ---- ---- ---- ----
                0xE  ---- ---- ---- 005D ---- ---- ---- ----
                0xF  ---- ---- 005C ---- ---- ---- ---- ----
                """),
            // A.2.2 Spanish single shift table
            Map.entry("SPANISH single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- ---- ---- ---- 007C ---- ---- ----
                0x1  ---- ---- ---- ---- 00C1 ---- 00E1 ----
                0x2  ---- ---- ---- ---- ---- ---- ---- ----
                0x3  ---- ---- ---- ---- ---- ---- ---- ----
                0x4  ---- 005E ---- ---- ---- ---- ---- ----
                0x5  ---- ---- ---- ---- ---- 00DA 20AC 00FA
                0x6  ---- ---- ---- ---- ---- ---- ---- ----
                0x7  ---- ---- ---- ---- ---- ---- ---- ----
                0x8  ---- ---- 007B ---- ---- ---- ---- ----
                0x9  00E7 ---- 007D ---- 00CD ---- 00ED ----
                0xA  000C ---- ---- ---- ---- ---- ---- ----
                0xB  ----  SS2 ---- ---- ---- ---- ---- ----
                0xC  ---- ---- ---- 005B ---- ---- ---- ----
                0xD   CR2 ---- ---- 007E ---- ---- ---- ----
                0xE  ---- ---- ---- 005D ---- ---- ---- ----
                0xF  ---- ---- 005C ---- 00D3 ---- 00F3 ----
                """),
            // A.3.3 Portuguese locking shift table
            Map.entry("PORTUGUESE locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 0394   SP 0030 00CD 0050 007E 0070
                0x1  00A3 005F 0021 0031 0041 0051 0061 0071
                0x2  0024 00AA 0022 0032 0042 0052 0062 0072
                0x3  00A5 00C7 0023 0033 0043 0053 0063 0073
                0x4  00EA 00C0 00BA 0034 0044 0054 0064 0074
                0x5  00E9 221E 0025 0035 0045 0055 0065 0075
                0x6  00FA 005E 0026 0036 0046 0056 0066 0076
                0x7  00ED 005C 0027 0037 0047 0057 0067 0077
                0x8  00F3 20AC 0028 0038 0048 0058 0068 0078
                0x9  00E7 00D3 0029 0039 0049 0059 0069 0079
                0xA    LF 007C 002A 003A 004A 005A 006A 007A
                0xB  00D4  ESC 002B 003B 004B 00C3 006B 00E3
                0xC  00F4 00C2 002C 003C 004C 00D5 006C 00F5
                0xD    CR 00E2 002D 003D 004D 00DA 006D 0060
                0xE  00C1 00CA 002E 003E 004E 00DC 006E 00FC
                0xF  00E1 00C9 002F 003F 004F 00A7 006F 00E0
                """),
            // A.2.3 Portuguese single shift table
            // corrected 0x05: missing from the V16 transcription; Android, node-smpp and the Rel-18 CSV have U+00EA
            Map.entry("PORTUGUESE single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- ---- ---- ---- 007C ---- ---- ----
                0x1  ---- ---- ---- ---- 00C0 ---- 00C2 ----
                0x2  ---- 03A6 ---- ---- ---- ---- ---- ----
                0x3  ---- 0393 ---- ---- ---- ---- ---- ----
                0x4  ---- 005E ---- ---- ---- ---- ---- ----
                0x5  00EA 03A9 ---- ---- ---- 00DA 20AC 00FA
                0x6  ---- 03A0 ---- ---- ---- ---- ---- ----
                0x7  ---- 03A8 ---- ---- ---- ---- ---- ----
                0x8  ---- 03A3 007B ---- ---- ---- ---- ----
                0x9  00E7 0398 007D ---- 00CD ---- 00ED ----
                0xA  000C ---- ---- ---- ---- ---- ---- ----
                0xB  00D4  SS2 ---- ---- ---- 00C3 ---- 00E3
                0xC  00F4 ---- ---- 005B ---- 00D5 ---- 00F5
                0xD   CR2 ---- ---- 007E ---- ---- ---- ----
                0xE  00C1 ---- ---- 005D ---- ---- ---- ----
                0xF  00E1 00CA 005C ---- 00D3 ---- 00F3 00E2
                """),
            // A.3.4 Bengali locking shift table
            Map.entry("BENGALI locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0981 0990   SP 0030 09AC 09BE 09CE 0070
                0x1  0982 ---- 0021 0031 09AD 09BF 0061 0071
                0x2  0983 ---- 099F 0032 09AE 09C0 0062 0072
                0x3  0985 0993 09A0 0033 09AF 09C1 0063 0073
                0x4  0986 0994 09A1 0034 09B0 09C2 0064 0074
                0x5  0987 0995 09A2 0035 ---- 09C3 0065 0075
                0x6  0988 0996 09A3 0036 09B2 09C4 0066 0076
                0x7  0989 0997 09A4 0037 ---- ---- 0067 0077
                0x8  098A 0998 0029 0038 ---- ---- 0068 0078
                0x9  098B 0999 0028 0039 ---- 09C7 0069 0079
                0xA    LF 099A 09A5 003A 09B6 09C8 006A 007A
                0xB  098C  ESC 09A6 003B 09B7 ---- 006B 09D7
                0xC  ---- 099B 002C ---- 09B8 ---- 006C 09DC
                0xD    CR 099C 09A7 09AA 09B9 09CB 006D 09DD
                0xE  ---- 099D 002E 09AB 09BC 09CC 006E 09F0
                0xF  098F 099E 09A8 003F 09BD 09CD 006F 09F1
                """),
            // A.2.4 Bengali single shift table
            Map.entry("BENGALI single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 09EC 09F6 007C 0050 ---- ----
                0x1  00A3 003D 09ED 09F7 0041 0051 ---- ----
                0x2  0024 003E 09EE 09F8 0042 0052 ---- ----
                0x3  00A5 00A1 09EF 09F9 0043 0053 ---- ----
                0x4  00BF 005E 09DF 09FA 0044 0054 ---- ----
                0x5  0022 00A1 09E0 ---- 0045 0055 20AC ----
                0x6  00A4 005F 09E1 ---- 0046 0056 ---- ----
                0x7  0025 0023 09E2 ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 09E6 007D ---- 0049 0059 ---- ----
                0xA  000C 09E7 09E3 ---- 004A 005A ---- ----
                0xB  002A  SS2 09F2 ---- 004B ---- ---- ----
                0xC  002B 09E8 09F3 005B 004C ---- ---- ----
                0xD   CR2 09E9 09F4 007E 004D ---- ---- ----
                0xE  002D 09EA 09F5 005D 004E ---- ---- ----
                0xF  002F 09EB 005C ---- 004F ---- ---- ----
                """),
            // A.3.5 Gujarati locking shift table
            Map.entry("GUJARATI locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0A81 0A90   SP 0030 0AAC 0ABE 0AD0 0070
                0x1  0A82 0A91 0021 0031 0AAD 0ABF 0061 0071
                0x2  0A83 ---- 0A9F 0032 0AAE 0AC0 0062 0072
                0x3  0A85 0A93 0AA0 0033 0AAF 0AC1 0063 0073
                0x4  0A86 0A94 0AA1 0034 0AB0 0AC2 0064 0074
                0x5  0A87 0A95 0AA2 0035 ---- 0AC3 0065 0075
                0x6  0A88 0A96 0AA3 0036 0AB2 0AC4 0066 0076
                0x7  0A89 0A97 0AA4 0037 0AB3 0AC5 0067 0077
                0x8  0A8A 0A98 0029 0038 ---- ---- 0068 0078
                0x9  0A8B 0A99 0028 0039 0AB5 0AC7 0069 0079
                0xA    LF 0A9A 0AA5 003A 0AB6 0AC8 006A 007A
                0xB  0A8C  ESC 0AA6 003B 0AB7 0AC9 006B 0AE0
                0xC  0A8D 0A9B 002C ---- 0AB8 ---- 006C 0AE1
                0xD    CR 0A9C 0AA7 0AAA 0AB9 0ACB 006D 0AE2
                0xE  ---- 0A9D 002E 0AAB 0ABC 0ACC 006E 0AE3
                0xF  0A8F 0A9E 0AA8 003F 0ABD 0ACD 006F 0AF1
                """),
            // A.2.5 Gujarati single shift table
            Map.entry("GUJARATI single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0AEA ---- 007C 0050 ---- ----
                0x1  00A3 003D 0AEB ---- 0041 0051 ---- ----
                0x2  0024 003E 0AEC ---- 0042 0052 ---- ----
                0x3  00A5 00A1 0AED ---- 0043 0053 ---- ----
                0x4  00BF 005E 0AEE ---- 0044 0054 ---- ----
                0x5  0022 00A1 0AEF ---- 0045 0055 20AC ----
                0x6  00A4 005F ---- ---- 0046 0056 ---- ----
                0x7  0025 0023 ---- ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 0964 007D ---- 0049 0059 ---- ----
                0xA  000C 0965 ---- ---- 004A 005A ---- ----
                0xB  002A  SS2 ---- ---- 004B ---- ---- ----
                0xC  002B 0AE6 ---- 005B 004C ---- ---- ----
                0xD   CR2 0AE7 ---- 007E 004D ---- ---- ----
                0xE  002D 0AE8 ---- 005D 004E ---- ---- ----
                0xF  002F 0AE9 005C ---- 004F ---- ---- ----
                """),
            // A.3.6 Hindi locking shift table
            Map.entry("HINDI locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0901 0910   SP 0030 092C 093E 0950 0070
                0x1  0902 0911 0021 0031 092D 093F 0061 0071
                0x2  0903 0912 091F 0032 092E 0940 0062 0072
                0x3  0905 0913 0920 0033 092F 0941 0063 0073
                0x4  0906 0914 0921 0034 0930 0942 0064 0074
                0x5  0907 0915 0922 0035 0931 0943 0065 0075
                0x6  0908 0916 0923 0036 0932 0944 0066 0076
                0x7  0909 0917 0924 0037 0933 0945 0067 0077
                0x8  090A 0918 0029 0038 0934 0946 0068 0078
                0x9  090B 0919 0028 0039 0935 0947 0069 0079
                0xA    LF 091A 0925 003A 0936 0948 006A 007A
                0xB  090C  ESC 0926 003B 0937 0949 006B 0972
                0xC  090D 091B 002C 0929 0938 094A 006C 097B
                0xD    CR 091C 0927 092A 0939 094B 006D 097C
                0xE  090E 091D 002E 092B 093C 094C 006E 097E
                0xF  090F 091E 0928 003F 093D 094D 006F 097F
                """),
            // A.2.6 Hindi single shift table
            Map.entry("HINDI single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 096A 095B 007C 0050 ---- ----
                0x1  00A3 003D 096B 095C 0041 0051 ---- ----
                0x2  0024 003E 096C 095D 0042 0052 ---- ----
                0x3  00A5 00A1 096D 095E 0043 0053 ---- ----
                0x4  00BF 005E 096E 095F 0044 0054 ---- ----
                0x5  0022 00A1 096F 0960 0045 0055 20AC ----
                0x6  00A4 005F 0951 0961 0046 0056 ---- ----
                0x7  0025 0023 0952 0962 0047 0057 ---- ----
                0x8  0026 002A 007B 0963 0048 0058 ---- ----
                0x9  0027 0964 007D 0970 0049 0059 ---- ----
                0xA  000C 0965 0953 0971 004A 005A ---- ----
                0xB  002A  SS2 0954 ---- 004B ---- ---- ----
                0xC  002B 0966 0958 005B 004C ---- ---- ----
                0xD   CR2 0967 0959 007E 004D ---- ---- ----
                0xE  002D 0968 095A 005D 004E ---- ---- ----
                0xF  002F 0969 005C ---- 004F ---- ---- ----
                """),
            // A.3.7 Kannada locking shift table
            // corrected 0x24: the standard prints U+0CAA, also at 0x3D; U+0CA1 (DDA) as in the other tables
            Map.entry("KANNADA locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- 0C90   SP 0030 0CAC 0CBE 0CD5 0070
                0x1  0C82 ---- 0021 0031 0CAD 0CBF 0061 0071
                0x2  0C83 0C92 0C9F 0032 0CAE 0CC0 0062 0072
                0x3  0C85 0C93 0CA0 0033 0CAF 0CC1 0063 0073
                0x4  0C86 0C94 0CA1 0034 0CB0 0CC2 0064 0074
                0x5  0C87 0C95 0CA2 0035 0CB1 0CC3 0065 0075
                0x6  0C88 0C96 0CA3 0036 0CB2 0CC4 0066 0076
                0x7  0C89 0C97 0CA4 0037 0CB3 ---- 0067 0077
                0x8  0C8A 0C98 0029 0038 ---- 0CC6 0068 0078
                0x9  0C8B 0C99 0028 0039 0CB5 0CC7 0069 0079
                0xA    LF 0C9A 0CA5 003A 0CB6 0CC8 006A 007A
                0xB  0C8C  ESC 0CA6 003B 0CB7 ---- 006B 0CD6
                0xC  ---- 0C9B 002C ---- 0CB8 0CCA 006C 0CE0
                0xD    CR 0C9C 0CA7 0CAA 0CB9 0CCB 006D 0CE1
                0xE  0C8E 0C9D 002E 0CAB 0CBC 0CCC 006E 0CE2
                0xF  0C8F 0C9E 0CA8 003F 0CBD 0CCD 006F 0CE3
                """),
            // A.2.7 Kannada single shift table
            Map.entry("KANNADA single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0CEA ---- 007C 0050 ---- ----
                0x1  00A3 003D 0CEB ---- 0041 0051 ---- ----
                0x2  0024 003E 0CEC ---- 0042 0052 ---- ----
                0x3  00A5 00A1 0CED ---- 0043 0053 ---- ----
                0x4  00BF 005E 0CEE ---- 0044 0054 ---- ----
                0x5  0022 00A1 0CEF ---- 0045 0055 20AC ----
                0x6  00A4 005F 0CDE ---- 0046 0056 ---- ----
                0x7  0025 0023 0CF1 ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 0964 007D ---- 0049 0059 ---- ----
                0xA  000C 0965 0CF2 ---- 004A 005A ---- ----
                0xB  002A  SS2 ---- ---- 004B ---- ---- ----
                0xC  002B 0CE6 ---- 005B 004C ---- ---- ----
                0xD   CR2 0CE7 ---- 007E 004D ---- ---- ----
                0xE  002D 0CE8 ---- 005D 004E ---- ---- ----
                0xF  002F 0CE9 005C ---- 004F ---- ---- ----
                """),
            // A.3.8 Malayalam locking shift table
            Map.entry("MALAYALAM locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- 0D10   SP 0030 0D2C 0D3E 0D57 0070
                0x1  0D02 ---- 0021 0031 0D2D 0D3F 0061 0071
                0x2  0D03 0D12 0D1F 0032 0D2E 0D40 0062 0072
                0x3  0D05 0D13 0D20 0033 0D2F 0D41 0063 0073
                0x4  0D06 0D14 0D21 0034 0D30 0D42 0064 0074
                0x5  0D07 0D15 0D22 0035 0D31 0D43 0065 0075
                0x6  0D08 0D16 0D23 0036 0D32 0D44 0066 0076
                0x7  0D09 0D17 0D24 0037 0D33 ---- 0067 0077
                0x8  0D0A 0D18 0029 0038 0D34 0D46 0068 0078
                0x9  0D0B 0D19 0028 0039 0D35 0D47 0069 0079
                0xA    LF 0D1A 0D25 003A 0D36 0D48 006A 007A
                0xB  0D0C  ESC 0D26 003B 0D37 ---- 006B 0D60
                0xC  ---- 0D1B 002C ---- 0D38 0D4A 006C 0D61
                0xD    CR 0D1C 0D27 0D2A 0D39 0D4B 006D 0D62
                0xE  0D0E 0D1D 002E 0D2B ---- 0D4C 006E 0D63
                0xF  0D0F 0D1E 0D28 003F 0D3D 0D4D 006F 0D79
                """),
            // A.2.8 Malayalam single shift table
            Map.entry("MALAYALAM single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0D6A 0D7B 007C 0050 ---- ----
                0x1  00A3 003D 0D6B 0D7C 0041 0051 ---- ----
                0x2  0024 003E 0D6C 0D7D 0042 0052 ---- ----
                0x3  00A5 00A1 0D6D 0D7E 0043 0053 ---- ----
                0x4  00BF 005E 0D6E 0D7F 0044 0054 ---- ----
                0x5  0022 00A1 0D6F ---- 0045 0055 20AC ----
                0x6  00A4 005F 0D70 ---- 0046 0056 ---- ----
                0x7  0025 0023 0D71 ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 0964 007D ---- 0049 0059 ---- ----
                0xA  000C 0965 0D72 ---- 004A 005A ---- ----
                0xB  002A  SS2 0D73 ---- 004B ---- ---- ----
                0xC  002B 0D66 0D74 005B 004C ---- ---- ----
                0xD   CR2 0D67 0D75 007E 004D ---- ---- ----
                0xE  002D 0D68 0D7A 005D 004E ---- ---- ----
                0xF  002F 0D69 005C ---- 004F ---- ---- ----
                """),
            // A.3.9 Oriya locking shift table
            Map.entry("ORIYA locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0B01 0B10   SP 0030 0B2C 0B3E 0B56 0070
                0x1  0B02 ---- 0021 0031 0B2D 0B3F 0061 0071
                0x2  0B03 ---- 0B1F 0032 0B2E 0B40 0062 0072
                0x3  0B05 0B13 0B20 0033 0B2F 0B41 0063 0073
                0x4  0B06 0B14 0B21 0034 0B30 0B42 0064 0074
                0x5  0B07 0B15 0B22 0035 ---- 0B43 0065 0075
                0x6  0B08 0B16 0B23 0036 0B32 0B44 0066 0076
                0x7  0B09 0B17 0B24 0037 0B33 ---- 0067 0077
                0x8  0B0A 0B18 0029 0038 ---- ---- 0068 0078
                0x9  0B0B 0B19 0028 0039 0B35 0B47 0069 0079
                0xA    LF 0B1A 0B25 003A 0B36 0B48 006A 007A
                0xB  0B0C  ESC 0B26 003B 0B37 ---- 006B 0B57
                0xC  ---- 0B1B 002C ---- 0B38 ---- 006C 0B60
                0xD    CR 0B1C 0B27 0B2A 0B39 0B4B 006D 0B61
                0xE  ---- 0B1D 002E 0B2B 0B3C 0B4C 006E 0B62
                0xF  0B0F 0B1E 0B28 003F 0B3D 0B4D 006F 0B63
                """),
            // A.2.9 Oriya single shift table
            // corrected 0x20: the V16 transcription has U+0BEA, a Tamil digit, amid the Oriya digits U+0B66..U+0B6F
            Map.entry("ORIYA single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0B6A ---- 007C 0050 ---- ----
                0x1  00A3 003D 0B6B ---- 0041 0051 ---- ----
                0x2  0024 003E 0B6C ---- 0042 0052 ---- ----
                0x3  00A5 00A1 0B6D ---- 0043 0053 ---- ----
                0x4  00BF 005E 0B6E ---- 0044 0054 ---- ----
                0x5  0022 00A1 0B6F ---- 0045 0055 20AC ----
                0x6  00A4 005F 0B5C ---- 0046 0056 ---- ----
                0x7  0025 0023 0B5D ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 0964 007D ---- 0049 0059 ---- ----
                0xA  000C 0965 0B5F ---- 004A 005A ---- ----
                0xB  002A  SS2 0B70 ---- 004B ---- ---- ----
                0xC  002B 0B66 0B71 005B 004C ---- ---- ----
                0xD   CR2 0B67 ---- 007E 004D ---- ---- ----
                0xE  002D 0B68 ---- 005D 004E ---- ---- ----
                0xF  002F 0B69 005C ---- 004F ---- ---- ----
                """),
            // A.3.10 Punjabi locking shift table
            Map.entry("PUNJABI locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0A01 0A10   SP 0030 0A2C 0A3E 0A51 0070
                0x1  0A02 ---- 0021 0031 0A2D 0A3F 0061 0071
                0x2  0A03 ---- 0A1F 0032 0A2E 0A40 0062 0072
                0x3  0A05 0A13 0A20 0033 0A2F 0A41 0063 0073
                0x4  0A06 0A14 0A21 0034 0A30 0A42 0064 0074
                0x5  0A07 0A15 0A22 0035 ---- ---- 0065 0075
                0x6  0A08 0A16 0A23 0036 0A32 ---- 0066 0076
                0x7  0A09 0A17 0A24 0037 0A33 ---- 0067 0077
                0x8  0A0A 0A18 0029 0038 ---- ---- 0068 0078
                0x9  ---- 0A19 0028 0039 0A35 0A47 0069 0079
                0xA    LF 0A1A 0A25 003A 0A36 0A48 006A 007A
                0xB  ----  ESC 0A26 003B ---- ---- 006B 0A70
                0xC  ---- 0A1B 002C ---- 0A38 ---- 006C 0A71
                0xD    CR 0A1C 0A27 0A2A 0A39 0A4B 006D 0A72
                0xE  ---- 0A1D 002E 0A2B 0A3C 0A4C 006E 0A73
                0xF  0A0F 0A1E 0A28 003F ---- 0A4D 006F 0A74
                """),
            // A.2.10 Punjabi single shift table
            Map.entry("PUNJABI single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0A6A ---- 007C 0050 ---- ----
                0x1  00A3 003D 0A6B ---- 0041 0051 ---- ----
                0x2  0024 003E 0A6C ---- 0042 0052 ---- ----
                0x3  00A5 00A1 0A6D ---- 0043 0053 ---- ----
                0x4  00BF 005E 0A6E ---- 0044 0054 ---- ----
                0x5  0022 00A1 0A6F ---- 0045 0055 20AC ----
                0x6  00A4 005F 0A59 ---- 0046 0056 ---- ----
                0x7  0025 0023 0A5A ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 0964 007D ---- 0049 0059 ---- ----
                0xA  000C 0965 0A5B ---- 004A 005A ---- ----
                0xB  002A  SS2 0A5C ---- 004B ---- ---- ----
                0xC  002B 0A66 0A5E 005B 004C ---- ---- ----
                0xD   CR2 0A67 0A75 007E 004D ---- ---- ----
                0xE  002D 0A68 ---- 005D 004E ---- ---- ----
                0xF  002F 0A69 005C ---- 004F ---- ---- ----
                """),
            // A.3.11 Tamil locking shift table
            // corrected 0x11: the V16 transcription has U+0B91, unassigned in Unicode; Android has none
            Map.entry("TAMIL locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  ---- 0B90   SP 0030 ---- 0BBE 0BD0 0070
                0x1  0B82 ---- 0021 0031 ---- 0BBF 0061 0071
                0x2  0B83 0B92 0B9F 0032 0BAE 0BC0 0062 0072
                0x3  0B85 0B93 ---- 0033 0BAF 0BC1 0063 0073
                0x4  0B86 0B94 ---- 0034 0BB0 0BC2 0064 0074
                0x5  0B87 0B95 ---- 0035 0BB1 ---- 0065 0075
                0x6  0B88 ---- 0BA3 0036 0BB2 ---- 0066 0076
                0x7  0B89 ---- 0BA4 0037 0BB3 ---- 0067 0077
                0x8  0B8A ---- 0029 0038 0BB4 0BC6 0068 0078
                0x9  ---- 0B99 0028 0039 0BB5 0BC7 0069 0079
                0xA    LF 0B9A ---- 003A 0BB6 0BC8 006A 007A
                0xB  ----  ESC ---- 003B 0BB7 ---- 006B 0BD7
                0xC  ---- ---- 002C 0BA9 0BB8 0BCA 006C 0BF0
                0xD    CR 0B9C ---- 0BAA 0BB9 0BCB 006D 0BF1
                0xE  0B8E ---- 002E ---- ---- 0BCC 006E 0BF2
                0xF  0B8F 0B9E 0BA8 003F ---- 0BCD 006F 0BF9
                """),
            // A.2.11 Tamil single shift table
            // corrected 0x24: the standard prints U+0BEF, also at 0x25; U+0BEE (digit eight) as Android has
            Map.entry("TAMIL single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0BEA ---- 007C 0050 ---- ----
                0x1  00A3 003D 0BEB ---- 0041 0051 ---- ----
                0x2  0024 003E 0BEC ---- 0042 0052 ---- ----
                0x3  00A5 00A1 0BED ---- 0043 0053 ---- ----
                0x4  00BF 005E 0BEE ---- 0044 0054 ---- ----
                0x5  0022 00A1 0BEF ---- 0045 0055 20AC ----
                0x6  00A4 005F 0BF3 ---- 0046 0056 ---- ----
                0x7  0025 0023 0BF4 ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 0964 007D ---- 0049 0059 ---- ----
                0xA  000C 0965 0BF5 ---- 004A 005A ---- ----
                0xB  002A  SS2 0BF6 ---- 004B ---- ---- ----
                0xC  002B 0BE6 0BF7 005B 004C ---- ---- ----
                0xD   CR2 0BE7 0BF8 007E 004D ---- ---- ----
                0xE  002D 0BE8 0BFA 005D 004E ---- ---- ----
                0xF  002F 0BE9 005C ---- 004F ---- ---- ----
                """),
            // A.3.12 Telugu locking shift table
            // corrected 0x11: the V16 transcription has U+0C11, unassigned in Unicode; Android has none
            Map.entry("TELUGU locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0C01 0C10   SP 0030 0C2C 0C3E 0C55 0070
                0x1  0C02 ---- 0021 0031 0C2D 0C3F 0061 0071
                0x2  0C03 0C12 0C1F 0032 0C2E 0C40 0062 0072
                0x3  0C05 0C13 0C20 0033 0C2F 0C41 0063 0073
                0x4  0C06 0C14 0C21 0034 0C30 0C42 0064 0074
                0x5  0C07 0C15 0C22 0035 0C31 0C43 0065 0075
                0x6  0C08 0C16 0C23 0036 0C32 0C44 0066 0076
                0x7  0C09 0C17 0C24 0037 0C33 ---- 0067 0077
                0x8  0C0A 0C18 0029 0038 ---- 0C46 0068 0078
                0x9  0C0B 0C19 0028 0039 0C35 0C47 0069 0079
                0xA    LF 0C1A 0C25 003A 0C36 0C48 006A 007A
                0xB  0C0C  ESC 0C26 003B 0C37 ---- 006B 0C56
                0xC  ---- 0C1B 002C ---- 0C38 0C4A 006C 0C60
                0xD    CR 0C1C 0C27 0C2A 0C39 0C4B 006D 0C61
                0xE  0C0E 0C1D 002E 0C2B ---- 0C4C 006E 0C62
                0xF  0C0F 0C1E 0C28 003F 0C3D 0C4D 006F 0C63
                """),
            // A.2.12 Telugu single shift table
            // corrected 0x1C: the V16 transcription has U+0CE6, a Kannada digit, before Telugu U+0C67..
            Map.entry("TELUGU single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 0C6A 0C7D 007C 0050 ---- ----
                0x1  00A3 003D 0C6B 0C7E 0041 0051 ---- ----
                0x2  0024 003E 0C6C 0C7F 0042 0052 ---- ----
                0x3  00A5 00A1 0C6D ---- 0043 0053 ---- ----
                0x4  00BF 005E 0C6E ---- 0044 0054 ---- ----
                0x5  0022 00A1 0C6F ---- 0045 0055 20AC ----
                0x6  00A4 005F 0C58 ---- 0046 0056 ---- ----
                0x7  0025 0023 0C59 ---- 0047 0057 ---- ----
                0x8  0026 002A 007B ---- 0048 0058 ---- ----
                0x9  0027 ---- 007D ---- 0049 0059 ---- ----
                0xA  000C ---- 0C78 ---- 004A 005A ---- ----
                0xB  002A  SS2 0C79 ---- 004B ---- ---- ----
                0xC  002B 0C66 0C7A 005B 004C ---- ---- ----
                0xD   CR2 0C67 0C7B 007E 004D ---- ---- ----
                0xE  002D 0C68 0C7C 005D 004E ---- ---- ----
                0xF  002F 0C69 005C ---- 004F ---- ---- ----
                """),
            // A.3.13 Urdu locking shift table
            Map.entry("URDU locking", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0627 062B   SP 0030 0635 06BA 0654 0070
                0x1  0622 062C 0021 0031 0636 06BB 0061 0071
                0x2  0628 0681 068F 0032 0637 06BC 0062 0072
                0x3  067B 0684 068D 0033 0638 0648 0063 0073
                0x4  0680 0683 0630 0034 0639 06C4 0064 0074
                0x5  067E 0685 0631 0035 0641 06D5 0065 0075
                0x6  06A6 0686 0691 0036 0642 06C1 0066 0076
                0x7  062A 0687 0693 0037 06A9 06BE 0067 0077
                0x8  06C2 062D 0029 0038 06AA 0621 0068 0078
                0x9  067F 062E 0028 0039 06AB 06CC 0069 0079
                0xA    LF 062F 0699 003A 06AF 06D0 006A 007A
                0xB  0679  ESC 0632 003B 06B3 06D2 006B 0655
                0xC  067D 068C 002C 069A 06B1 064D 006C 0651
                0xD    CR 0688 0696 0633 0644 0650 006D 0653
                0xE  067A 0689 002E 0634 0645 064F 006E 0656
                0xF  067C 068A 0698 003F 0646 0657 006F 0670
                """),
            // A.2.13 Urdu single shift table
            Map.entry("URDU single", """
                     0x00 0x10 0x20 0x30 0x40 0x50 0x60 0x70
                0x0  0040 003C 06F4 0613 007C 0050 ---- ----
                0x1  00A3 003D 06F5 0614 0041 0051 ---- ----
                0x2  0024 003E 06F6 061B 0042 0052 ---- ----
                0x3  00A5 00A1 06F7 061F 0043 0053 ---- ----
                0x4  00BF 005E 06F8 0640 0044 0054 ---- ----
                0x5  0022 00A1 06F9 0652 0045 0055 20AC ----
                0x6  00A4 005F 060C 0658 0046 0056 ---- ----
                0x7  0025 0023 060D 066B 0047 0057 ---- ----
                0x8  0026 002A 007B 066C 0048 0058 ---- ----
                0x9  0027 0600 007D 0672 0049 0059 ---- ----
                0xA  000C 0601 060E 0673 004A 005A ---- ----
                0xB  002A  SS2 060F 06CD 004B ---- ---- ----
                0xC  002B 06F0 0610 005B 004C ---- ---- ----
                0xD   CR2 06F1 0611 007E 004D ---- ---- ----
                0xE  002D 06F2 0612 005D 004E ---- ---- ----
                0xF  002F 06F3 005C 06D4 004F ---- ---- ----
                """)
    );

    /** The 128 cells of a table in code order. */
    private static String[] table(String name) {
        String text = STANDARD.get(name);
        assertThat(text).as(name).isNotNull();
        String[] lines = text.strip().split("\n");
        assertThat(lines).as(name).hasSize(17);
        String[] cells = new String[128];
        for (int row = 0; row < 16; row++) {
            String[] tokens = lines[row + 1].strip().split("\\s+");
            assertThat(tokens).as("%s row %X", name, row).hasSize(9);
            for (int col = 0; col < 8; col++) {
                cells[col * 16 + row] = tokens[col + 1];
            }
        }
        return cells;
    }

    /** The character a cell names, or -1 for a cell with none. */
    private static int character(String cell) {
        return switch (cell) {
            case "SP" -> ' ';
            case "LF" -> '\n';
            case "CR" -> '\r';
            case NONE, "ESC", "SS2", "CR2" -> -1;
            default -> Integer.parseInt(cell, 16);
        };
    }

    private static String[] defaultAlphabet() {
        return table("DEFAULT locking");
    }

    private static int defaultCode(char c) {
        String[] basic = defaultAlphabet();
        for (int code = 0; code < 128; code++) {
            if (character(basic[code]) == c) {
                return code;
            }
        }
        return -1;
    }

    private static String decode(TextCodec codec, int... septets) {
        byte[] b = new byte[septets.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) septets[i];
        }
        return codec.decode(b);
    }

    @Test
    void theDefaultTablesAgreeWithTheSameTranscription() {
        // The transcription's default tables against the long-standing GSM7 codec: a check of the
        // expected data itself.
        String[] basic = defaultAlphabet();
        String[] ext = table("DEFAULT single");
        for (int code = 0; code < 128; code++) {
            int c = character(basic[code]);
            if (c >= 0) {
                assertThat(decode(TextCodec.GSM7, code)).as("0x%02X", code).isEqualTo(Character.toString(c));
            }
            int e = character(ext[code]);
            String expected = e >= 0 ? Character.toString(e)
                    : code == Gsm7.ESC ? "\u00A0" : decode(TextCodec.GSM7, code);
            assertThat(decode(TextCodec.GSM7, 0x1B, code)).as("escape 0x%02X", code).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = NationalLanguage.class, names = "SPANISH", mode = EnumSource.Mode.EXCLUDE)
    void lockingShiftTablesMatchTheStandardCodeByCode(NationalLanguage language) {
        String[] cells = table(language + " locking");
        TextCodec codec = TextCodec.GSM7.withNationalLanguages(language, null);
        Set<Integer> inTable = new HashSet<>();
        for (int code = 0; code < 128; code++) {
            String cell = cells[code];
            int c = character(cell);
            if (cell.equals("ESC")) {
                assertThat(code).isEqualTo(0x1B);
                assertThat(decode(codec, code)).as("a lone escape").isEqualTo("\u00A0");
            } else if (c < 0) {
                assertThat(decode(codec, code)).as("%s 0x%02X has no character", language, code).isEqualTo("\uFFFD");
            } else {
                String s = Character.toString(c);
                assertThat(decode(codec, code)).as("%s 0x%02X", language, code).isEqualTo(s);
                assertThat(codec.encode(s)).as("%s U+%04X", language, c).containsExactly(code);
                inTable.add(c);
            }
        }
        // No character outside the table takes a single septet.
        List<String> wrong = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = String.valueOf(c);
            if (!inTable.contains((int) c) && codec.canEncode(s) && codec.encode(s).length != 2) {
                wrong.add(String.format("U+%04X", (int) c));
            }
        }
        assertThat(wrong).as("%s: one septet but not in the table", language).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(NationalLanguage.class)
    void singleShiftTablesMatchTheStandardCodeByCode(NationalLanguage language) {
        String[] cells = table(language + " single");
        TextCodec codec = TextCodec.GSM7.withNationalLanguages(null, language);
        Set<Integer> inTable = new HashSet<>();
        for (int code = 0; code < 128; code++) {
            String cell = cells[code];
            int c = character(cell);
            if (c < 0) {
                // 23.038: a code the extension table leaves empty shows the main table's character.
                String fallback = code == 0x1B ? "\u00A0" : Character.toString(character(defaultAlphabet()[code]));
                assertThat(decode(codec, 0x1B, code)).as("%s escape 0x%02X (%s)", language, code, cell)
                        .isEqualTo(fallback);
                continue;
            }
            String s = Character.toString(c);
            assertThat(decode(codec, 0x1B, code)).as("%s escape 0x%02X", language, code).isEqualTo(s);
            inTable.add(c);
            int basic = defaultCode((char) c);
            int first = Arrays.asList(cells).indexOf(cell);
            byte[] expected = basic >= 0 ? new byte[] {(byte) basic} : new byte[] {0x1B, (byte) first};
            assertThat(codec.encode(s)).as("%s U+%04X", language, c).isEqualTo(expected);
        }
        // Exactly the table's characters and the default alphabet's are encodable.
        Set<Integer> encodable = new HashSet<>(inTable);
        for (String cell : defaultAlphabet()) {
            encodable.add(character(cell));
        }
        List<String> wrong = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (codec.canEncode(String.valueOf(c)) != encodable.contains((int) c)) {
                wrong.add(String.format("U+%04X", (int) c));
            }
        }
        assertThat(wrong).as("%s: encodable though not in the tables, or the reverse", language).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = NationalLanguage.class, names = "SPANISH", mode = EnumSource.Mode.EXCLUDE)
    void withBothTablesTheLockingTableWinsAndTheSingleShiftTableFillsIn(NationalLanguage language) {
        String[] locking = table(language + " locking");
        String[] single = table(language + " single");
        TextCodec codec = TextCodec.GSM7.withNationalLanguages(language, language);
        for (int code = 0; code < 128; code++) {
            int c = character(single[code]);
            if (c < 0) {
                continue;
            }
            int inLocking = Arrays.asList(locking).indexOf(single[code]);
            int firstInSingle = Arrays.asList(single).indexOf(single[code]);
            byte[] expected = inLocking >= 0 ? new byte[] {(byte) inLocking} : new byte[] {0x1B, (byte) firstInSingle};
            assertThat(codec.encode(Character.toString(c))).as("%s U+%04X", language, c).isEqualTo(expected);
            assertThat(decode(codec, 0x1B, code)).isEqualTo(Character.toString(c));
        }
        // An escape to a code the single shift table leaves empty shows the locking table's character.
        for (int code = 0; code < 128; code++) {
            if (character(single[code]) < 0 && code != 0x1B) {
                int c = character(locking[code]);
                String expected = c >= 0 ? Character.toString(c) : "\uFFFD";
                assertThat(decode(codec, 0x1B, code)).as("%s escape 0x%02X", language, code).isEqualTo(expected);
            }
        }
    }

    @Test
    void spanishHasNoLockingShiftTable() {
        assertThat(NationalLanguage.SPANISH.hasLockingShiftTable()).isFalse();
        assertThat(STANDARD).doesNotContainKey("SPANISH locking");
        assertThatThrownBy(() -> TextCodec.GSM7.withNationalLanguages(NationalLanguage.SPANISH, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPANISH");
    }

    @Test
    void languageIdentifiersAreThoseOf23038() {
        int id = 1;
        for (NationalLanguage l : NationalLanguage.values()) {
            assertThat(l.id()).isEqualTo(id);
            assertThat(NationalLanguage.fromId(id)).contains(l);
            id++;
        }
        assertThat(NationalLanguage.fromId(0)).as("reserved").isEmpty();
        assertThat(NationalLanguage.fromId(14)).isEmpty();
        assertThat(NationalLanguage.fromId(-1)).isEmpty();
        assertThat(STANDARD).hasSize(2 + 13 + 12);
    }
}
