package io.smppex.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/** One end-to-end case: how many sessions, each with what window. */
public record CaseSpec(int sessions, int window) {

    /** The cases the issue asks for: one session at windows 1, 10, 100 and 1000; 8 sessions at window 100. */
    public static final List<CaseSpec> ALL = List.of(new CaseSpec(1, 1), new CaseSpec(1, 10), new CaseSpec(1, 100),
            new CaseSpec(1, 1000), new CaseSpec(8, 100));

    public String label() {
        return sessions + "x" + window;
    }

    /** Parses "1x100,8x100". */
    public static List<CaseSpec> parseList(String s) {
        List<CaseSpec> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] f = part.trim().toLowerCase().split("x");
            out.add(new CaseSpec(Integer.parseInt(f[0]), Integer.parseInt(f[1])));
        }
        return out;
    }

    public static String format(List<CaseSpec> cases) {
        StringBuilder sb = new StringBuilder();
        for (CaseSpec c : cases) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c.label());
        }
        return sb.toString();
    }
}
