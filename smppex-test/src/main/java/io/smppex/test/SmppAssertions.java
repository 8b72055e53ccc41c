package io.smppex.test;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for what the kit records: {@code assertThat(message).hasText("Hi")},
 * {@code assertThat(sim.journal()).hasMessages(Count.exactly(2), submitSm().to("4477*"))}.
 * Needs AssertJ on the test classpath (the kit does not bring it).
 */
public final class SmppAssertions {

    private SmppAssertions() {
    }

    /**
     * @param actual a message of a journal
     * @return its assertions
     */
    public static ReceivedMessageAssert assertThat(ReceivedMessage actual) {
        return new ReceivedMessageAssert(actual);
    }

    /**
     * @param actual a journal
     * @return its assertions
     */
    public static JournalAssert assertThat(Journal actual) {
        return new JournalAssert(actual);
    }

    /**
     * @param actual a PDU
     * @return its assertions
     */
    public static PduAssert assertThat(Pdu actual) {
        return new PduAssert(actual);
    }

    /** Assertions on a {@link ReceivedMessage}. */
    public static final class ReceivedMessageAssert extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage> {

        ReceivedMessageAssert(ReceivedMessage actual) {
            super(actual, ReceivedMessageAssert.class);
        }

        /**
         * @param pattern what the message should match
         * @return this
         */
        public ReceivedMessageAssert matches(RequestPattern pattern) {
            isNotNull();
            List<String> diff = pattern.mismatches(actual);
            if (!diff.isEmpty()) {
                failWithMessage("Expected%n  %s%nto match %s, but:%n  %s", actual, pattern, String.join("\n  ", diff));
            }
            return this;
        }

        /**
         * @param text the whole text expected
         * @return this
         */
        public ReceivedMessageAssert hasText(String text) {
            return matches(Requests.anyRequest().text(text));
        }

        /**
         * @param part a substring expected in the text
         * @return this
         */
        public ReceivedMessageAssert hasTextContaining(String part) {
            return matches(Requests.anyRequest().textContains(part));
        }

        /**
         * @param glob the destination_addr expected, {@code *} and {@code ?} allowed
         * @return this
         */
        public ReceivedMessageAssert hasDestination(String glob) {
            return matches(Requests.anyRequest().to(glob));
        }

        /**
         * @param glob the source_addr expected, {@code *} and {@code ?} allowed
         * @return this
         */
        public ReceivedMessageAssert hasSource(String glob) {
            return matches(Requests.anyRequest().from(glob));
        }

        /**
         * @param dataCoding the data_coding expected
         * @return this
         */
        public ReceivedMessageAssert hasDataCoding(int dataCoding) {
            return matches(Requests.anyRequest().dataCoding(dataCoding));
        }

        /**
         * @param parts how many parts it should have come in
         * @return this
         */
        public ReceivedMessageAssert hasParts(int parts) {
            isNotNull();
            if (actual.parts().size() != parts) {
                failWithMessage("Expected %s to have %d parts, but it has %d", actual, parts, actual.parts().size());
            }
            return this;
        }

        /**
         * @param state the state expected, e.g. DELIVERED once its receipt went out
         * @return this
         */
        public ReceivedMessageAssert hasState(MessageState state) {
            isNotNull();
            if (actual.state() != state) {
                failWithMessage("Expected %s to be %s, but it is %s", actual, state, actual.state());
            }
            return this;
        }
    }

    /** Assertions on a {@link Journal}. */
    public static final class JournalAssert extends AbstractAssert<JournalAssert, Journal> {

        JournalAssert(Journal actual) {
            super(actual, JournalAssert.class);
        }

        /**
         * @param count   how many complete accepted messages should match
         * @param pattern which
         * @return this
         */
        public JournalAssert hasMessages(Count count, RequestPattern pattern) {
            isNotNull();
            try {
                actual.verifyMessages(count, pattern);
            } catch (AssertionError e) {
                failWithMessage("%s", e.getMessage());
            }
            return this;
        }

        /**
         * @param count   how many requests (accepted or not) should match
         * @param pattern which
         * @return this
         */
        public JournalAssert hasRequests(Count count, RequestPattern pattern) {
            isNotNull();
            try {
                actual.verifyRequests(count, pattern);
            } catch (AssertionError e) {
                failWithMessage("%s", e.getMessage());
            }
            return this;
        }

        /**
         * @param pattern what no message should match
         * @return this
         */
        public JournalAssert hasNoMessages(RequestPattern pattern) {
            return hasMessages(Count.never(), pattern);
        }
    }

    /** Assertions on a {@link Pdu}. */
    public static final class PduAssert extends AbstractAssert<PduAssert, Pdu> {

        PduAssert(Pdu actual) {
            super(actual, PduAssert.class);
        }

        /**
         * @param command the command expected
         * @return this
         */
        public PduAssert hasCommand(CommandId command) {
            isNotNull();
            if (actual.commandId() != command) {
                failWithMessage("Expected a %s but got %s", command.smppName(), actual);
            }
            return this;
        }

        /**
         * @param status the command_status expected
         * @return this
         */
        public PduAssert hasStatus(CommandStatus status) {
            isNotNull();
            if (!actual.status().equals(status)) {
                failWithMessage("Expected status %s but got %s in %s", status.name(), actual.status().name(), actual);
            }
            return this;
        }

        /**
         * @param tag   the TLV expected
         * @param value its value
         * @param <T>   the value's type
         * @return this
         */
        public <T> PduAssert hasTlv(TlvTag<T> tag, T value) {
            isNotNull();
            Optional<T> got = actual.tlv(tag);
            boolean same = got.isPresent() && (value instanceof byte[] v && got.get() instanceof byte[] g
                    ? Arrays.equals(v, g) : got.get().equals(value));
            if (!same) {
                failWithMessage("Expected %s=%s but it was %s in %s", tag.name(), value,
                        got.map(String::valueOf).orElse("absent"), actual);
            }
            return this;
        }

        /**
         * @param state the state a delivery receipt should report, in its message_state TLV
         * @return this
         */
        public PduAssert isReceiptWithState(MessageState state) {
            isNotNull();
            Optional<Integer> got = actual.tlv(TlvTag.MESSAGE_STATE);
            if (actual.tlv(TlvTag.RECEIPTED_MESSAGE_ID).isEmpty() || got.isEmpty() || got.get() != state.code()) {
                failWithMessage("Expected a receipt reporting %s but got %s", state, actual);
            }
            return this;
        }
    }
}
