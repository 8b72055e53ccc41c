package io.smppex.test;

import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.CommandId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a stub or a verification looks for in a request: its command, the system_id that sent it,
 * its addresses, its text, data_coding and TLVs. Every field left out matches anything.
 *
 * <p>Immutable: each method returns a new pattern. Start from {@link Requests}, e.g.
 * {@code Requests.submitSm().to("4477*").textContains("code")}. Addresses take a glob:
 * {@code *} stands for any characters, {@code ?} for one.
 *
 * <p>For a long message the journal matches the reassembled text; a stub sees one part at a time
 * and matches that part's text.
 */
public final class RequestPattern {

    private final Set<CommandId> commands;
    private final String systemId;
    private final String source;
    private final String destination;
    private final TextRule text;
    private final Integer dataCoding;
    private final List<TlvRule> tlvs;

    private record TextRule(String kind, String value, Pattern regex) {
    }

    private record TlvRule(TlvTag<?> tag, Object value) {
    }

    RequestPattern(Set<CommandId> commands) {
        this(commands.isEmpty() ? EnumSet.noneOf(CommandId.class) : EnumSet.copyOf(commands), null, null, null, null,
                null, List.of());
    }

    private RequestPattern(Set<CommandId> commands, String systemId, String source, String destination, TextRule text,
                           Integer dataCoding, List<TlvRule> tlvs) {
        this.commands = commands;
        this.systemId = systemId;
        this.source = source;
        this.destination = destination;
        this.text = text;
        this.dataCoding = dataCoding;
        this.tlvs = tlvs;
    }

    /**
     * Only requests of a session bound with this system_id.
     *
     * @param systemId the exact system_id
     * @return the narrower pattern
     */
    public RequestPattern systemId(String systemId) {
        return new RequestPattern(commands, Objects.requireNonNull(systemId, "systemId"), source, destination, text,
                dataCoding, tlvs);
    }

    /**
     * Only requests whose source_addr matches the glob.
     *
     * @param glob an address, where {@code *} is any characters and {@code ?} one
     * @return the narrower pattern
     */
    public RequestPattern from(String glob) {
        return new RequestPattern(commands, systemId, Objects.requireNonNull(glob, "glob"), destination, text,
                dataCoding, tlvs);
    }

    /**
     * Only requests whose destination_addr matches the glob.
     *
     * @param glob an address, where {@code *} is any characters and {@code ?} one
     * @return the narrower pattern
     */
    public RequestPattern to(String glob) {
        return new RequestPattern(commands, systemId, source, Objects.requireNonNull(glob, "glob"), text,
                dataCoding, tlvs);
    }

    /**
     * Only requests whose decoded text is exactly this.
     *
     * @param exact the text
     * @return the narrower pattern
     */
    public RequestPattern text(String exact) {
        return withText(new TextRule("is", Objects.requireNonNull(exact, "exact"), null));
    }

    /**
     * Only requests whose decoded text contains this.
     *
     * @param part a substring of the text
     * @return the narrower pattern
     */
    public RequestPattern textContains(String part) {
        return withText(new TextRule("contains", Objects.requireNonNull(part, "part"), null));
    }

    /**
     * Only requests whose whole decoded text matches the regular expression.
     *
     * @param regex a {@link Pattern} expression
     * @return the narrower pattern
     */
    public RequestPattern textMatches(String regex) {
        return withText(new TextRule("matches", regex, Pattern.compile(regex, Pattern.DOTALL)));
    }

    /**
     * Only requests with this data_coding.
     *
     * @param dataCoding the data_coding octet, e.g. 0x08 for UCS-2
     * @return the narrower pattern
     */
    public RequestPattern dataCoding(int dataCoding) {
        return new RequestPattern(commands, systemId, source, destination, text, dataCoding, tlvs);
    }

    /**
     * Only requests that carry this TLV, whatever its value.
     *
     * @param tag the TLV
     * @return the narrower pattern
     */
    public RequestPattern hasTlv(TlvTag<?> tag) {
        return withTlv(new TlvRule(Objects.requireNonNull(tag, "tag"), null));
    }

    /**
     * Only requests that carry this TLV with this value.
     *
     * @param tag   the TLV
     * @param value its value
     * @param <T>   the TLV's value type
     * @return the narrower pattern
     */
    public <T> RequestPattern tlv(TlvTag<T> tag, T value) {
        return withTlv(new TlvRule(Objects.requireNonNull(tag, "tag"), Objects.requireNonNull(value, "value")));
    }

    private RequestPattern withText(TextRule rule) {
        return new RequestPattern(commands, systemId, source, destination, rule, dataCoding, tlvs);
    }

    private RequestPattern withTlv(TlvRule rule) {
        List<TlvRule> more = new ArrayList<>(tlvs);
        more.add(rule);
        return new RequestPattern(commands, systemId, source, destination, text, dataCoding, List.copyOf(more));
    }

    /**
     * Whether the request matches.
     *
     * @param request a request as the journal holds it
     * @return true if every field of the pattern matches
     */
    public boolean matches(Matchable request) {
        return mismatches(request).isEmpty();
    }

    /**
     * How the request differs from the pattern, one line per field, for failure messages.
     *
     * @param request a request as the journal holds it
     * @return empty if it matches
     */
    public List<String> mismatches(Matchable request) {
        List<String> out = new ArrayList<>();
        if (!commands.isEmpty() && !commands.contains(request.command())) {
            out.add("command was " + request.command().smppName() + ", expected " + commandNames());
        }
        if (systemId != null && !systemId.equals(request.systemId())) {
            out.add("system_id was " + quote(request.systemId()) + ", expected " + quote(systemId));
        }
        if (source != null && !glob(source, request.source())) {
            out.add("source_addr was " + quote(request.source()) + ", expected " + quote(source));
        }
        if (destination != null && !glob(destination, request.destination())) {
            out.add("destination_addr was " + quote(request.destination()) + ", expected " + quote(destination));
        }
        if (text != null) {
            String t = request.text();
            boolean ok = t != null && switch (text.kind) {
                case "is" -> t.equals(text.value);
                case "contains" -> t.contains(text.value);
                default -> text.regex.matcher(t).matches();
            };
            if (!ok) {
                out.add("text was " + quote(t) + ", expected it to " + (text.kind.equals("is") ? "be" : text.kind)
                        + " " + quote(text.value));
            }
        }
        if (dataCoding != null && dataCoding != request.dataCoding()) {
            out.add("data_coding was " + hex(request.dataCoding()) + ", expected " + hex(dataCoding));
        }
        for (TlvRule rule : tlvs) {
            Optional<?> got = request.pdu() == null ? Optional.empty() : request.pdu().tlvs().get(rule.tag);
            if (got.isEmpty()) {
                out.add("has no " + rule.tag.name() + " TLV");
            } else if (rule.value != null && !sameValue(rule.value, got.get())) {
                out.add(rule.tag.name() + " was " + show(got.get()) + ", expected " + show(rule.value));
            }
        }
        return out;
    }

    Set<CommandId> commands() {
        return commands;
    }

    String requiredSystemId() {
        return systemId;
    }

    /** Whether it looks at nothing but the command and the system_id (all a bind stub can match on). */
    boolean onlyCommandAndSystemId() {
        return source == null && destination == null && text == null && dataCoding == null && tlvs.isEmpty();
    }

    /** Whether a request matches in everything but its system_id (which the simulator's rule checks). */
    boolean matchesPdu(io.smppex.pdu.Pdu pdu) {
        return matches(new ReceivedPdu(0, systemId, null, pdu, null, null));
    }

    private String commandNames() {
        return commands.stream().map(CommandId::smppName).reduce((a, b) -> a + " or " + b).orElse("any");
    }

    private static boolean sameValue(Object want, Object got) {
        if (want instanceof byte[] w && got instanceof byte[] g) {
            return Arrays.equals(w, g);
        }
        return want.equals(got);
    }

    private static String show(Object v) {
        return v instanceof byte[] b ? "0x" + java.util.HexFormat.of().formatHex(b) : String.valueOf(v);
    }

    static boolean glob(String glob, String value) {
        if (value == null) {
            return false;
        }
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(re.toString());
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    private static String hex(int v) {
        return String.format("0x%02X", v);
    }

    /** @return the pattern as a failure message names it, e.g. {@code submit_sm to "4477*"} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(commands.isEmpty() ? "any request" : commandNames());
        if (systemId != null) {
            b.append(" system_id ").append(quote(systemId));
        }
        if (source != null) {
            b.append(" from ").append(quote(source));
        }
        if (destination != null) {
            b.append(" to ").append(quote(destination));
        }
        if (text != null) {
            b.append(" text ").append(text.kind).append(' ').append(quote(text.value));
        }
        if (dataCoding != null) {
            b.append(" data_coding ").append(hex(dataCoding));
        }
        for (TlvRule rule : tlvs) {
            b.append(" with ").append(rule.tag.name()).append(rule.value == null ? "" : "=" + show(rule.value));
        }
        return b.toString();
    }
}
