package io.smppex.pdu.receipt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads receipt text into raw fields. It only splits; judging values is left to
 * {@link DeliveryReceipt}, so that the tolerant parser can keep whatever an MC sent.
 *
 * <p>The grammar, chosen to cope with what MCs actually emit:
 * <ul>
 * <li>a key starts a word (at the start or after a separator), is a letter followed by letters,
 *     digits, {@code _ - .}, and ends with {@code :}; {@code submit date} and {@code done date} may
 *     have separators between their two words;</li>
 * <li>a value runs to the next separator; if it is empty and the next word is not itself a key,
 *     that word is the value ({@code stat: DELIVRD});</li>
 * <li>{@code text:} ends the scan: everything after it, verbatim, is the text, because the original
 *     message may contain spaces, colons and even other key names;</li>
 * <li>words that are not {@code key:value} are skipped; the first occurrence of a key wins.</li>
 * </ul>
 */
final class ReceiptTextParser {
    static final String ID = "id";
    static final String SUB = "sub";
    static final String DLVRD = "dlvrd";
    static final String SUBMIT_DATE = "submitdate";
    static final String DONE_DATE = "donedate";
    static final String STAT = "stat";
    static final String ERR = "err";
    static final String TEXT = "text";

    private ReceiptTextParser() {
    }

    /** Raw fields as found; null means the key was absent. */
    static final class Fields {
        String id;
        String sub;
        String dlvrd;
        String submitDate;
        String doneDate;
        String stat;
        String err;
        String text;
        final Map<String, String> extras = new LinkedHashMap<>();

        /** The test the tolerant parser applies: without an id or a stat there is nothing to act on. */
        boolean looksLikeReceipt() {
            return id != null || stat != null;
        }

        private void put(String rawKey, String canonical, String value) {
            switch (canonical) {
                case ID: id = first(id, value); break;
                case SUB: sub = first(sub, value); break;
                case DLVRD: dlvrd = first(dlvrd, value); break;
                case SUBMIT_DATE: submitDate = first(submitDate, value); break;
                case DONE_DATE: doneDate = first(doneDate, value); break;
                case STAT: stat = first(stat, value); break;
                case ERR: err = first(err, value); break;
                default:
                    if (DeliveryReceipt.findKey(extras, rawKey) == null) {
                        extras.put(rawKey, value);
                    }
            }
        }

        private static String first(String old, String value) {
            return old != null ? old : value;
        }
    }

    /** Separators between fields: ASCII controls and space (MCs pad with NUL, CR, LF, tab) and Unicode spaces. */
    static boolean isSeparator(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isKeyStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isKeyPart(char c) {
        return isKeyStart(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }

    /** The key as a known field name: case and the spelling of the space in "submit date" do not matter. */
    static String canonical(String rawKey) {
        StringBuilder sb = new StringBuilder(rawKey.length());
        for (int i = 0; i < rawKey.length(); i++) {
            char c = rawKey.charAt(i);
            if (c != '_' && c != '-' && !isSeparator(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    static Fields parse(String s) {
        Fields f = new Fields();
        int n = s.length();
        // Some MCs pad short_message with NULs; they are not part of the last value.
        while (n > 0 && s.charAt(n - 1) == '\0') {
            n--;
        }
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            Key key = keyAt(s, i, n);
            if (key == null) {
                i = wordEnd(s, i, n);
                continue;
            }
            String canonical = canonical(key.raw);
            if (canonical.equals(TEXT)) {
                f.text = s.substring(key.colon + 1, n);
                break;
            }
            int start = key.colon + 1;
            int end = wordEnd(s, start, n);
            if (end == start) {
                int next = start;
                while (next < n && isSeparator(s.charAt(next))) {
                    next++;
                }
                if (next < n && keyAt(s, next, n) == null) {
                    start = next;
                    end = wordEnd(s, next, n);
                }
            }
            f.put(key.raw, canonical, s.substring(start, end));
            i = end;
        }
        return f;
    }

    private static int wordEnd(String s, int i, int n) {
        while (i < n && !isSeparator(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private record Key(String raw, int colon) {
    }

    /** The key starting at {@code i}, or null if the word there is not {@code key:}. */
    private static Key keyAt(String s, int i, int n) {
        if (!isKeyStart(s.charAt(i))) {
            return null;
        }
        int j = i + 1;
        while (j < n && isKeyPart(s.charAt(j))) {
            j++;
        }
        if (j < n && s.charAt(j) == ':') {
            return new Key(s.substring(i, j), j);
        }
        String word = s.substring(i, j);
        if (j < n && isSeparator(s.charAt(j)) && (word.equalsIgnoreCase("submit") || word.equalsIgnoreCase("done"))) {
            int k = j;
            while (k < n && isSeparator(s.charAt(k))) {
                k++;
            }
            if (s.regionMatches(true, k, "date:", 0, 5)) {
                return new Key(word + " date", k + 4);
            }
        }
        return null;
    }
}
