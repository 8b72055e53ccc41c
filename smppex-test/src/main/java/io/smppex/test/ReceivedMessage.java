package io.smppex.test;

import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.MessageState;
import java.time.Instant;
import java.util.List;

/**
 * A message the simulator accepted: one submit_sm or data_sm, or every part of a long message
 * reassembled, with the message_ids it gave, its state and the receipts it sent. A snapshot:
 * ask the journal again to see later receipts.
 */
public final class ReceivedMessage implements Matchable {

    private final int index;
    private final List<ReceivedPdu> parts;
    private final int expectedParts;
    private final String text;
    private final List<String> messageIds;
    private final MessageState state;
    private final List<DeliverSm> receipts;

    ReceivedMessage(int index, List<ReceivedPdu> parts, int expectedParts, String text, List<String> messageIds,
                    MessageState state, List<DeliverSm> receipts) {
        this.index = index;
        this.parts = List.copyOf(parts);
        this.expectedParts = expectedParts;
        this.text = text;
        this.messageIds = List.copyOf(messageIds);
        this.state = state;
        this.receipts = List.copyOf(receipts);
    }

    /** @return its place among the journal's messages, from 1 */
    public int index() {
        return index;
    }

    private ReceivedPdu first() {
        return parts.get(0);
    }

    @Override
    public CommandId command() {
        return first().command();
    }

    @Override
    public String systemId() {
        return first().systemId();
    }

    /** @return the id of the session its first part came on */
    public String sessionId() {
        return first().sessionId();
    }

    @Override
    public String source() {
        return first().source();
    }

    @Override
    public String destination() {
        return first().destination();
    }

    /** @return the whole text, the parts joined in their order */
    @Override
    public String text() {
        return text;
    }

    @Override
    public int dataCoding() {
        return first().dataCoding();
    }

    /** @return the first part's PDU */
    @Override
    public Pdu pdu() {
        return first().pdu();
    }

    /** @return the parts received so far, in part order; one for a short message */
    public List<ReceivedPdu> parts() {
        return parts;
    }

    /** @return whether every part has arrived */
    public boolean isComplete() {
        return parts.size() == expectedParts;
    }

    /** @return the message_id given to each part, in part order */
    public List<String> messageIds() {
        return messageIds;
    }

    /** @return the first part's message_id */
    public String messageId() {
        return messageIds.get(0);
    }

    /** @return ENROUTE until a receipt went out, then the state the receipts reported */
    public MessageState state() {
        return state;
    }

    /** @return the receipts sent for it so far (one per part), in the order they went out */
    public List<DeliverSm> receipts() {
        return receipts;
    }

    /** @return when its first part arrived */
    public Instant receivedAt() {
        return first().receivedAt();
    }

    /** @return one line, as failure messages show it */
    @Override
    public String toString() {
        String partsNote = expectedParts == 1 ? "" : " parts=" + parts.size() + "/" + expectedParts;
        return Texts.line(this) + partsNote + " id=" + messageId() + " state=" + state;
    }
}
