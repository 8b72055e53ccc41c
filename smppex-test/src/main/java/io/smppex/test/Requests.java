package io.smppex.test;

import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.CommandId;
import java.util.EnumSet;

/**
 * Where {@link RequestPattern}s start: one per command, e.g. {@code Requests.submitSm().to("4477*")}.
 */
public final class Requests {

    private Requests() {
    }

    /** @return a pattern matching every submit_sm */
    public static RequestPattern submitSm() {
        return command(CommandId.SUBMIT_SM);
    }

    /** @return a pattern matching every data_sm */
    public static RequestPattern dataSm() {
        return command(CommandId.DATA_SM);
    }

    /** @return a pattern matching every deliver_sm (what a {@link FakeEsme} receives) */
    public static RequestPattern deliverSm() {
        return command(CommandId.DELIVER_SM);
    }

    /** @return a pattern matching deliver_sm delivery receipts (those with a receipted_message_id TLV) */
    public static RequestPattern receipt() {
        return deliverSm().hasTlv(TlvTag.RECEIPTED_MESSAGE_ID);
    }

    /** @return a pattern matching submit_sm and data_sm: every message an ESME sends */
    public static RequestPattern message() {
        return new RequestPattern(EnumSet.of(CommandId.SUBMIT_SM, CommandId.DATA_SM));
    }

    /** @return a pattern matching the three binds */
    public static RequestPattern bind() {
        return new RequestPattern(EnumSet.of(CommandId.BIND_TRANSMITTER, CommandId.BIND_RECEIVER,
                CommandId.BIND_TRANSCEIVER));
    }

    /** @return a pattern matching every enquire_link */
    public static RequestPattern enquireLink() {
        return command(CommandId.ENQUIRE_LINK);
    }

    /** @return a pattern matching any request */
    public static RequestPattern anyRequest() {
        return new RequestPattern(EnumSet.noneOf(CommandId.class));
    }

    /**
     * A pattern matching one command.
     *
     * @param command a request's command id
     * @return the pattern
     */
    public static RequestPattern command(CommandId command) {
        return new RequestPattern(EnumSet.of(command));
    }
}
