package io.smppex.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.Profile;
import io.smppex.sim.Rule;
import io.smppex.sim.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code mc --config FILE}: accounts, scenario rules and profiles in YAML, mapped onto the
 * simulator's {@link Rule} and {@link Profile}. A rule has the keys of {@code GET /api/v1/rules},
 * so one copied from the web console works here. Anything unknown or ill-typed is an error that
 * names the file, the line and the key; nothing is ignored.
 *
 * <pre>
 * accounts:            # system_id: password
 *   shop: secret
 * profile: flaky       # a built-in profile, or one under profiles
 * profiles:
 *   bad-day:
 *     - {stage: submit, status: ESME_RSYSERR, probability: 0.2, seed: 7}
 * rules:               # tried after the profile's
 *   - {name: blocked, stage: submit, dest: "4477009000.*", status: ESME_RINVDSTADR}
 * </pre>
 *
 * @param accounts system_id to password
 * @param profile  the profile chosen with {@code profile:}, if any
 * @param rules    the profile's rules, then those under {@code rules:}
 */
record McConfig(Map<String, String> accounts, String profile, List<Rule> rules) {

    /** A bad config file: the message names the file, the line and what is wrong. */
    static final class BadConfig extends Exception {
        private static final long serialVersionUID = 1L;

        BadConfig(String message) {
            super(message);
        }
    }

    private static final Set<String> TOP = Set.of("accounts", "profile", "profiles", "rules");
    private static final Set<String> RULE = Set.of("name", "stage", "system_id", "source", "dest", "text", "command", "status",
            "delay_ms", "no_response", "disconnect", "receipt_outcome", "receipt_delay_ms", "probability", "seed", "times",
            "then");

    static McConfig load(Path file) throws BadConfig {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadConfig(file + ": no such file");
        } catch (IOException e) {
            throw new BadConfig(file + ": cannot read it: " + e.getMessage());
        }
        return parse(file.toString(), yaml);
    }

    static McConfig parse(String name, String yaml) throws BadConfig {
        Reader r = new Reader(name);
        JsonNode root = r.read(yaml);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new McConfig(Map.of(), null, List.of());
        }
        if (!root.isObject()) {
            throw r.bad("", "the file must be a mapping with keys " + sorted(TOP));
        }
        r.keys(root, "", TOP, "at the top");
        Map<String, String> accounts = new LinkedHashMap<>();
        JsonNode acc = root.get("accounts");
        if (acc != null && !acc.isNull()) {
            if (!acc.isObject()) {
                throw r.bad("/accounts", "'accounts' must map each system_id to its password, e.g. 'shop: secret'");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = acc.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw r.bad("/accounts/" + e.getKey(), "the password of '" + e.getKey() + "' must be a text");
                }
                accounts.put(e.getKey(), e.getValue().asText());
            }
        }
        Map<String, Profile> profiles = new HashMap<>();
        JsonNode ps = root.get("profiles");
        if (ps != null && !ps.isNull()) {
            if (!ps.isObject()) {
                throw r.bad("/profiles", "'profiles' must map each profile name to a list of rules");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                profiles.put(e.getKey(), new Profile(e.getKey(), r.rules(e.getValue(), "/profiles/" + e.getKey())));
            }
        }
        List<Rule> rules = new ArrayList<>();
        String profile = null;
        JsonNode p = root.get("profile");
        if (p != null && !p.isNull()) {
            profile = p.asText();
            Profile chosen = profiles.get(profile);
            if (chosen == null) {
                try {
                    chosen = Profile.builtIn(profile);
                } catch (IllegalArgumentException e) {
                    throw r.bad("/profile", "unknown profile '" + profile + "': not under 'profiles' and not one of "
                            + Profile.BUILT_IN);
                }
            }
            rules.addAll(chosen.rules());
        }
        JsonNode rs = root.get("rules");
        if (rs != null && !rs.isNull()) {
            rules.addAll(r.rules(rs, "/rules"));
        }
        return new McConfig(Map.copyOf(accounts), profile, List.copyOf(rules));
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }

    /** Reads the tree and remembers the line of every key, so errors can say where. */
    private static final class Reader {
        private final String file;
        private final Map<String, Integer> lines = new HashMap<>();

        Reader(String file) {
            this.file = file;
        }

        JsonNode read(String yaml) throws BadConfig {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
            try {
                try (JsonParser p = mapper.getFactory().createParser(yaml)) {
                    index(p);
                }
                return mapper.readTree(yaml);
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                throw new BadConfig(file + (l != null && l.getLineNr() > 0 ? " line " + l.getLineNr() : "") + ": not valid YAML: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
            } catch (IOException e) {
                throw new BadConfig(file + ": " + e.getMessage());
            }
        }

        /** One level of the document while indexing: a mapping (its current key) or a list (its current index). */
        private static final class Frame {
            final boolean list;
            String key;
            int index = -1;

            Frame(boolean list) {
                this.list = list;
            }
        }

        /** Walks the tokens keeping a JSON-pointer path, and notes the line of each key and list item. */
        private void index(JsonParser p) throws IOException {
            Deque<Frame> stack = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.FIELD_NAME) {
                    stack.peek().key = p.currentName();
                    lines.put(pointer(stack), line);
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                if (!stack.isEmpty() && stack.peek().list) {
                    stack.peek().index++;
                    lines.putIfAbsent(pointer(stack), line);
                }
                if (t == JsonToken.START_OBJECT) {
                    stack.push(new Frame(false));
                } else if (t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(true));
                }
            }
        }

        private static String pointer(Deque<Frame> stack) {
            StringBuilder sb = new StringBuilder();
            for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
                Frame f = it.next();
                if (f.list && f.index >= 0) {
                    sb.append('/').append(f.index);
                } else if (!f.list && f.key != null) {
                    sb.append('/').append(f.key);
                }
            }
            return sb.toString();
        }

        BadConfig bad(String pointer, String what) {
            Integer line = null;
            String p = pointer;
            while (line == null && !p.isEmpty()) {
                line = lines.get(p);
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
            }
            return new BadConfig(file + (line == null ? "" : " line " + line) + ": " + what);
        }

        void keys(JsonNode o, String at, Set<String> allowed, String where) throws BadConfig {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw bad(at + "/" + k, "unknown key '" + k + "' " + where + " (known: " + sorted(allowed) + ")");
                }
            }
        }

        List<Rule> rules(JsonNode list, String at) throws BadConfig {
            if (!list.isArray()) {
                throw bad(at, "'" + at.substring(at.lastIndexOf('/') + 1) + "' must be a list of rules (each line starting with '- ')");
            }
            List<Rule> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(rule(list.get(i), at + "/" + i));
            }
            return out;
        }

        Rule rule(JsonNode o, String at) throws BadConfig {
            if (!o.isObject()) {
                throw bad(at, "a rule is a mapping of keys (" + sorted(RULE) + ")");
            }
            keys(o, at, RULE, "in a rule");
            String stageName = text(o, at, "stage", "submit");
            Stage stage;
            try {
                stage = Stage.valueOf(stageName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(at + "/stage", "unknown stage '" + stageName + "' (one of bind, submit, enquire_link, receipt)");
            }
            Rule.Builder b = Rule.at(stage);
            String v;
            if ((v = text(o, at, "name", null)) != null) {
                b.name(v);
            }
            if ((v = text(o, at, "system_id", null)) != null) {
                b.systemId(v);
            }
            if ((v = regex(o, at, "source")) != null) {
                b.source(v);
            }
            if ((v = regex(o, at, "dest")) != null) {
                b.destination(v);
            }
            if ((v = regex(o, at, "text")) != null) {
                b.text(v);
            }
            if ((v = text(o, at, "command", null)) != null) {
                b.command(command(v, at + "/command"));
            }
            if ((v = text(o, at, "status", null)) != null) {
                CommandStatus s = CommandStatus.fromName(v);
                if (s == null) {
                    throw bad(at + "/status", "unknown status '" + v + "' (a name such as ESME_RSYSERR or RTHROTTLED, or a number such as 0x45)");
                }
                b.status(s);
            }
            if (o.has("delay_ms")) {
                b.delay(Duration.ofMillis(number(o, at, "delay_ms", 0, Long.MAX_VALUE)));
            }
            if (flag(o, at, "no_response")) {
                b.noResponse();
            }
            if (flag(o, at, "disconnect")) {
                b.disconnect();
            }
            if ((v = text(o, at, "receipt_outcome", null)) != null) {
                MessageState s = MessageState.fromStat(v);
                if (s == null || !s.isFinal()) {
                    throw bad(at + "/receipt_outcome", "'" + v + "' is not a final receipt state (DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED or ACCEPTD)");
                }
                b.receiptOutcome(s);
            }
            if (o.has("receipt_delay_ms")) {
                b.receiptDelay(Duration.ofMillis(number(o, at, "receipt_delay_ms", 0, Long.MAX_VALUE)));
            }
            if (o.has("probability")) {
                JsonNode n = o.get("probability");
                if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
                    throw bad(at + "/probability", "'probability' must be a number from 0 to 1, got '" + n.asText() + "'");
                }
                if (o.has("seed")) {
                    b.probability(n.asDouble(), number(o, at, "seed", Long.MIN_VALUE, Long.MAX_VALUE));
                } else {
                    b.probability(n.asDouble());
                }
            } else if (o.has("seed")) {
                throw bad(at + "/seed", "'seed' goes with 'probability'");
            }
            if (o.has("times")) {
                b.times((int) number(o, at, "times", 1, Integer.MAX_VALUE));
            }
            if (o.has("then")) {
                b.then(rule(o.get("then"), at + "/then"));
            }
            try {
                return b.build();
            } catch (RuntimeException e) {
                throw bad(at, "bad rule: " + e.getMessage());
            }
        }

        private String text(JsonNode o, String at, String key, String dflt) throws BadConfig {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                return dflt;
            }
            if (!n.isValueNode()) {
                throw bad(at + "/" + key, "'" + key + "' must be a single value");
            }
            return n.asText();
        }

        private String regex(JsonNode o, String at, String key) throws BadConfig {
            String v = text(o, at, key, null);
            if (v != null) {
                try {
                    Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    throw bad(at + "/" + key, "'" + key + "' is not a regular expression: " + e.getDescription());
                }
            }
            return v;
        }

        private boolean flag(JsonNode o, String at, String key) throws BadConfig {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                return false;
            }
            if (!n.isBoolean()) {
                throw bad(at + "/" + key, "'" + key + "' must be true or false, got '" + n.asText() + "'");
            }
            return n.asBoolean();
        }

        private long number(JsonNode o, String at, String key, long min, long max) throws BadConfig {
            JsonNode n = o.get(key);
            if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                throw bad(at + "/" + key, "'" + key + "' must be a whole number" + (min == 0 ? " (0 or more)" : min == 1 ? " (1 or more)" : "")
                        + ", got '" + n.asText() + "'");
            }
            return n.asLong();
        }

        private CommandId command(String name, String at) throws BadConfig {
            for (CommandId c : CommandId.values()) {
                if (c.smppName().equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                    return c;
                }
            }
            throw bad(at, "unknown command '" + name + "' (an SMPP name such as submit_sm, data_sm, submit_multi, query_sm)");
        }
    }
}
