package io.smppex.test;

import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that was accepted: one submit_sm or data_sm, or every part of a long message
 * reassembled, with the message_ids it got, its state and the receipts sent for it. A snapshot:
 * ask the journal again to see later receipts. On a simulator it is a view of the
 * {@link Message} its journal holds ({@link #simMessage()}); a {@link FakeEsme} makes its own, for
 * the MO messages it received.
 */
public final class ReceivedMessage implements Matchable {

    private final int index;
    private final CommandId command;
    private final String systemId;
    private final String sessionId;
    private final String source;
    private final String destination;
    private final int dataCoding;
    private final Instant receivedAt;
    /** For a simulator's message, decoded from its octets when first asked for: matching rarely needs them. */
    private volatile List<ReceivedPdu> parts;
    private volatile List<DeliverSm> receipts;
    private final int expectedParts;
    private final int receivedParts;
    private final String text;
    private final List<String> messageIds;
    private final MessageState state;
    private final int receiptsAcknowledged;
    private final Message simMessage;

    private ReceivedMessage(int index, CommandId command, String systemId, String sessionId, String source,
                            String destination, int dataCoding, Instant receivedAt, List<ReceivedPdu> parts,
                            int expectedParts, int receivedParts, String text, List<String> messageIds,
                            MessageState state, List<DeliverSm> receipts, int receiptsAcknowledged, Message simMessage) {
        this.index = index;
        this.command = command;
        this.systemId = systemId;
        this.sessionId = sessionId;
        this.source = source;
        this.destination = destination;
        this.dataCoding = dataCoding;
        this.receivedAt = receivedAt;
        this.parts = parts == null ? null : List.copyOf(parts);
        this.expectedParts = expectedParts;
        this.receivedParts = receivedParts;
        this.text = text;
        this.messageIds = List.copyOf(messageIds);
        this.state = state;
        this.receipts = receipts == null ? null : List.copyOf(receipts);
        this.receiptsAcknowledged = receiptsAcknowledged;
        this.simMessage = simMessage;
    }

    /** A message put together from the parts a fake ESME accepted. */
    static ReceivedMessage ofParts(int index, List<ReceivedPdu> parts, int expectedParts, String text,
                                   List<String> messageIds) {
        ReceivedPdu first = parts.get(0);
        return new ReceivedMessage(index, first.command(), first.systemId(), first.sessionId(), first.source(),
                first.destination(), first.dataCoding(), first.receivedAt(), parts, expectedParts, parts.size(), text,
                messageIds, MessageState.ENROUTE, List.of(), 0, null);
    }

    /** A view of a message of the simulator's journal. */
    static ReceivedMessage ofSim(int index, Message m) {
        List<String> ids = m.partIds().stream().filter(Objects::nonNull).toList();
        return new ReceivedMessage(index, m.command(), m.systemId(), m.sessionId(), m.source().address(),
                m.destination().address(), m.dataCoding() & 0xFF, m.submitTime(), null, m.parts(),
                m.partsReceived(), m.text(), ids.isEmpty() ? List.of(m.id()) : ids, m.state(), null,
                m.receiptsAcknowledged(), m);
    }

    private static List<ReceivedPdu> partsOf(Message m) {
        List<ReceivedPdu> parts = new ArrayList<>();
        for (Pdu p : m.pdusIn()) {
            if (p instanceof SubmitSm || p instanceof DataSm) {
                parts.add(new ReceivedPdu(parts.size() + 1, m.systemId(), m.sessionId(), p, m.submitTime(),
                        CommandStatus.ESME_ROK));
            }
        }
        parts.sort(Comparator.comparingInt(ReceivedMessage::partNumber));
        return List.copyOf(parts);
    }

    private static List<DeliverSm> receiptsOf(Message m) {
        List<DeliverSm> receipts = new ArrayList<>();
        for (Pdu p : m.pdusOut()) {
            if (p instanceof DeliverSm d) {
                receipts.add(d);
            }
        }
        return List.copyOf(receipts);
    }

    private static int partNumber(ReceivedPdu p) {
        return Texts.fields(p.pdu()).concat().map(c -> c.partNumber())
                .orElse(p.pdu().tlv(io.smppex.pdu.TlvTag.SAR_SEGMENT_SEQNUM).orElse(1));
    }

    /** @return its place among the journal's messages, from 1 */
    public int index() {
        return index;
    }

    @Override
    public CommandId command() {
        return command;
    }

    @Override
    public String systemId() {
        return systemId;
    }

    /** @return the id of the session its first part came on */
    public String sessionId() {
        return sessionId;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String destination() {
        return destination;
    }

    /** @return the whole text, the parts joined in their order */
    @Override
    public String text() {
        return text;
    }

    @Override
    public int dataCoding() {
        return dataCoding;
    }

    /** @return the first part's PDU */
    @Override
    public Pdu pdu() {
        List<ReceivedPdu> p = parts();
        return p.isEmpty() ? null : p.get(0).pdu();
    }

    /** @return the parts received so far, in part order; one for a short message */
    public List<ReceivedPdu> parts() {
        List<ReceivedPdu> p = parts;
        if (p == null) {
            p = partsOf(simMessage);
            parts = p;
        }
        return p;
    }

    /** @return whether every part has arrived */
    public boolean isComplete() {
        return receivedParts >= expectedParts;
    }

    /** @return the message_id given to each part, in part order */
    public List<String> messageIds() {
        return messageIds;
    }

    /** @return the first part's message_id */
    public String messageId() {
        return messageIds.get(0);
    }

    /** @return ENROUTE until it reached its final state (the one its receipts report) */
    public MessageState state() {
        return state;
    }

    /** @return whether it reached its final state */
    public boolean isFinal() {
        return state.isFinal();
    }

    /** @return the receipts sent for it so far (one per part), in the order they went out */
    public List<DeliverSm> receipts() {
        List<DeliverSm> r = receipts;
        if (r == null) {
            r = receiptsOf(simMessage);
            receipts = r;
        }
        return r;
    }

    /** @return how many of its receipts the ESME answered with ESME_ROK */
    public int receiptsAcknowledged() {
        return receiptsAcknowledged;
    }

    /** @return the simulator's own record of it (every field, times, octets); empty for a {@link FakeEsme}'s MO */
    public Optional<Message> simMessage() {
        return Optional.ofNullable(simMessage);
    }

    /** @return when its first part arrived */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return one line, as failure messages show it */
    @Override
    public String toString() {
        String partsNote = expectedParts == 1 ? "" : " parts=" + receivedParts + "/" + expectedParts;
        return Texts.line(this) + partsNote + " id=" + messageId() + " state=" + state;
    }
}
