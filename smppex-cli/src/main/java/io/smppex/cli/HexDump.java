package io.smppex.cli;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Octets from whatever hex a user pastes: plain hex ({@code xxd -p}, Wireshark's "Copy as Hex
 * Stream", spaced or colon-separated bytes), {@code xxd} and {@code hexdump -C} dumps, Wireshark's
 * "Copy as Hex Dump" and "Hex + ASCII Dump", a C or Go array of {@code 0x..} bytes (Wireshark's
 * "Copy as C Array", old "Follow Stream as C Arrays"), and a C string of {@code \xNN} escapes
 * (Wireshark's "Copy as Escaped String" and "as C String").
 *
 * <p>A dump is recognised by its line offsets: every line of it starts with one, and each offset
 * must follow from the octets before it, so a dump is never misread as plain hex or the other way
 * round. The ASCII column of a dump is dropped. {@code hexdump -C} and {@code xxd -a} write
 * {@code *} for repeated lines; the repeats are restored from the next offset.
 */
final class HexDump {
    /** {@code 00000010: 0000 0010 ...  ascii} (xxd, any -g grouping). */
    private static final Pattern XXD = Pattern.compile("([0-9a-fA-F]{4,16}):\\s(.*)");
    /** {@code 00000010  00 00 00 10 ... |ascii|} (hexdump -C, also with its two-space middle gap). */
    private static final Pattern HEXDUMP_C = Pattern.compile("([0-9a-fA-F]{4,16})\\s{1,2}((?:[0-9a-fA-F]{2}\\s{1,2}){0,15}[0-9a-fA-F]{2})\\s+\\|.*");
    /** {@code 0010   00 00 00 10 ...   ascii} (Wireshark's hex dumps, text2pcap input). */
    private static final Pattern WIRESHARK = Pattern.compile("([0-9a-fA-F]{4,8})\\s{2,}([0-9a-fA-F]{2}(?: [0-9a-fA-F]{2}){0,31})(?:\\s{2,}.*)?");
    /** The last line of hexdump -C: the total length alone. */
    private static final Pattern OFFSET_ONLY = Pattern.compile("[0-9a-fA-F]{4,16}");
    private static final Pattern ARRAY_BYTE = Pattern.compile("0[xX]([0-9a-fA-F]{1,2})");
    /**
     * {@code 0000000 0000 1000 0080 1500} (hexdump and od -x without a format): 2-octet words in
     * the machine's byte order, so on a little-endian machine every pair is swapped. Plain hex of
     * this shape has an odd number of digits, so it cannot be meant as plain hex either.
     */
    private static final Pattern WORDS = Pattern.compile("[0-9a-fA-F]{7}(?: +[0-9a-fA-F]{4}){1,8}");

    private HexDump() {
    }

    /**
     * The octets the text shows.
     *
     * @throws IllegalArgumentException naming what is wrong and where (line, character)
     */
    static byte[] parse(String text) {
        String t = text.strip();
        if (t.startsWith("\"")) {
            return cString(t);
        }
        if (t.indexOf('{') >= 0 || (t.contains(",") && ARRAY_BYTE.matcher(t).find())) {
            return array(t);
        }
        String[] lines = t.split("\\R");
        if (WORDS.matcher(lines[0].strip()).matches()) {
            throw new IllegalArgumentException("this is hexdump's or od's default output, 2-octet words in the byte order of "
                    + "the machine that made it (swapped on x86), not the octets as sent: dump with hexdump -C or xxd instead");
        }
        if (isDump(lines)) {
            return dump(lines);
        }
        return HexText.decode(t);
    }

    private static boolean isDump(String[] lines) {
        String first = lines[0].strip();
        return XXD.matcher(first).matches() || HEXDUMP_C.matcher(first).matches()
                || WIRESHARK.matcher(first).matches() && Long.parseLong(offsetOf(first), 16) == 0;
    }

    private static String offsetOf(String line) {
        int i = 0;
        while (i < line.length() && Character.digit(line.charAt(i), 16) >= 0) {
            i++;
        }
        return line.substring(0, i);
    }

    private static byte[] dump(String[] lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long base = -1;
        byte[] previous = null;
        boolean repeat = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].stripTrailing();
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals("*")) {
                if (previous == null) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": '*' (repeated lines) before any line to repeat");
                }
                repeat = true;
                continue;
            }
            long offset;
            byte[] octets;
            Matcher m;
            if ((m = XXD.matcher(s)).matches()) {
                offset = Long.parseLong(m.group(1), 16);
                octets = groups(hexArea(m.group(2)), n);
            } else if ((m = HEXDUMP_C.matcher(s)).matches()) {
                offset = Long.parseLong(m.group(1), 16);
                octets = groups(m.group(2), n);
            } else if ((m = WIRESHARK.matcher(s)).matches()) {
                offset = Long.parseLong(m.group(1), 16);
                octets = groups(m.group(2), n);
            } else if (OFFSET_ONLY.matcher(s).matches()) {
                offset = Long.parseLong(s, 16);
                octets = new byte[0];
            } else {
                throw new IllegalArgumentException("line " + (n + 1) + " is not a line of the same hex dump: '" + s + "'");
            }
            if (base < 0) {
                base = offset;
            }
            long expected = base + out.size();
            if (repeat) {
                // hexdump -C / xxd -a: the previous line repeats until this offset.
                while (base + out.size() < offset) {
                    out.write(previous, 0, (int) Math.min(previous.length, offset - base - out.size()));
                }
                expected = base + out.size();
                repeat = false;
            }
            if (offset != expected) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "line %d: offset %x does not follow the %d octets before it (expected %x)", n + 1, offset,
                        out.size(), expected));
            }
            out.write(octets, 0, octets.length);
            if (octets.length > 0) {
                previous = octets;
            }
        }
        return out.toByteArray();
    }

    /** xxd's hex column: up to the two spaces before the ASCII column. */
    private static String hexArea(String rest) {
        int gap = rest.indexOf("  ");
        return (gap < 0 ? rest : rest.substring(0, gap)).strip();
    }

    private static byte[] groups(String hex, int line) {
        try {
            return HexText.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + (line + 1) + ": " + e.getMessage());
        }
    }

    /** {@code unsigned char bytes[] = {0x0, 0x10, ...};} and {@code []byte{...}}; comments allowed. */
    private static byte[] array(String t) {
        String body = t.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        StringBuilder inside = new StringBuilder();
        int open = body.indexOf('{');
        if (open < 0) {
            inside.append(body);
        }
        while (open >= 0) {
            int close = body.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("array: '{' without a closing '}'");
            }
            inside.append(body, open + 1, close).append(',');
            open = body.indexOf('{', close);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String token : inside.toString().split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher m = ARRAY_BYTE.matcher(token);
            if (!m.matches()) {
                throw new IllegalArgumentException("array: '" + token + "' is not a byte written 0xNN");
            }
            out.write(Integer.parseInt(m.group(1), 16));
        }
        return out.toByteArray();
    }

    /** One or more C string literals, as Wireshark's escaped-string copies write them (joined with {@code \}). */
    private static byte[] cString(String t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || c == '\\') {
                i++;
                continue;
            }
            if (c != '"') {
                throw new IllegalArgumentException("C string: '" + c + "' at character " + i + " is outside the quotes");
            }
            i++;
            while (true) {
                if (i >= t.length()) {
                    throw new IllegalArgumentException("C string: no closing quote");
                }
                c = t.charAt(i);
                if (c == '"') {
                    i++;
                    break;
                }
                if (c != '\\') {
                    if (c > 0x7E || c < 0x20) {
                        throw new IllegalArgumentException("C string: character " + i + " is not printable ASCII; escape it");
                    }
                    out.write(c);
                    i++;
                    continue;
                }
                i = escape(t, i + 1, out);
            }
        }
        return out.toByteArray();
    }

    private static int escape(String t, int i, ByteArrayOutputStream out) {
        if (i >= t.length()) {
            throw new IllegalArgumentException("C string: a '\\' at the end");
        }
        char e = t.charAt(i);
        int simple = switch (e) {
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            case '\\', '"', '\'', '?' -> e;
            default -> -1;
        };
        if (simple >= 0) {
            out.write(simple);
            return i + 1;
        }
        int radix = e == 'x' ? 16 : 8;
        int start = e == 'x' ? i + 1 : i;
        int end = start;
        int maxDigits = radix == 16 ? 2 : 3;
        while (end < t.length() && end - start < maxDigits && Character.digit(t.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == start) {
            throw new IllegalArgumentException("C string: unknown escape '\\" + e + "' at character " + (i - 1));
        }
        int v = Integer.parseInt(t.substring(start, end), radix);
        if (v > 0xFF) {
            throw new IllegalArgumentException("C string: escape '\\" + t.substring(i, end) + "' is over 0xFF");
        }
        out.write(v);
        return end;
    }
}
