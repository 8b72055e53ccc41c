package io.smppex.test;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as it arrived, with the session it came on and how it was answered. The journal
 * keeps every one, accepted or not, in arrival order.
 */
public final class ReceivedPdu implements Matchable {

    private final int index;
    private final String systemId;
    private final String sessionId;
    private final Pdu pdu;
    private final Instant receivedAt;
    private final CommandStatus answeredWith;
    private final Texts.Fields fields;

    ReceivedPdu(int index, String systemId, String sessionId, Pdu pdu, Instant receivedAt, CommandStatus answeredWith) {
        this.index = index;
        this.systemId = systemId;
        this.sessionId = sessionId;
        this.pdu = Objects.requireNonNull(pdu, "pdu");
        this.receivedAt = receivedAt;
        this.answeredWith = answeredWith;
        this.fields = Texts.fields(pdu);
    }

    /** The same request, answered with {@code status}. */
    ReceivedPdu answered(CommandStatus status) {
        return new ReceivedPdu(index, systemId, sessionId, pdu, receivedAt, status, fields);
    }

    private ReceivedPdu(int index, String systemId, String sessionId, Pdu pdu, Instant receivedAt,
                        CommandStatus answeredWith, Texts.Fields fields) {
        this.index = index;
        this.systemId = systemId;
        this.sessionId = sessionId;
        this.pdu = pdu;
        this.receivedAt = receivedAt;
        this.answeredWith = answeredWith;
        this.fields = fields;
    }

    /** @return its place in the journal, from 1 */
    public int index() {
        return index;
    }

    @Override
    public CommandId command() {
        return pdu.commandId();
    }

    @Override
    public String systemId() {
        return systemId;
    }

    /** @return the id of the session it came on */
    public String sessionId() {
        return sessionId;
    }

    @Override
    public String source() {
        return fields.source();
    }

    @Override
    public String destination() {
        return fields.destination();
    }

    /** @return the text of this PDU alone (one part of a long message), decoded per data_coding */
    @Override
    public String text() {
        return fields.text();
    }

    @Override
    public int dataCoding() {
        return fields.dataCoding();
    }

    @Override
    public Pdu pdu() {
        return pdu;
    }

    /** @return when it arrived */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the status it was answered with; empty if it got no response (or a disconnect) */
    public Optional<CommandStatus> answeredWith() {
        return Optional.ofNullable(answeredWith);
    }

    /** @return one line, as failure messages show it */
    @Override
    public String toString() {
        return Texts.line(this) + " -> " + (answeredWith == null ? "no response" : answeredWith.name());
    }
}
