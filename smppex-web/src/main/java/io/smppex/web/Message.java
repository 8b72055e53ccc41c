package io.smppex.web;

import java.time.Instant;
import java.util.List;

/**
 * A journaled message; a long message is one entry.
 *
 * @param id the message_id given in submit_sm_resp
 * @param systemId system_id of the session that submitted it
 * @param session id of that session
 * @param source source address
 * @param dest destination address
 * @param text the decoded text, reassembled from all parts
 * @param dataCoding the data_coding octet
 * @param state ENROUTE, DELIVERED, UNDELIVERABLE, EXPIRED, DELETED, REJECTED or ACCEPTED
 * @param submittedAt when the (first part of the) message arrived
 * @param parts how many PDUs carried it: 1 for a short message
 * @param receipts the receipts sent for it, oldest first
 * @param pdus every PDU in and out for it, oldest first; null where a listing leaves them out
 */
public record Message(String id, String systemId, String session, String source, String dest, String text, int dataCoding,
        String state, Instant submittedAt, int parts, List<Receipt> receipts, List<PduRecord> pdus) {

    /**
     * Copies the lists.
     *
     * @param id the message_id given in submit_sm_resp
     * @param systemId system_id of the session that submitted it
     * @param session id of that session
     * @param source source address
     * @param dest destination address
     * @param text the decoded text, reassembled from all parts
     * @param dataCoding the data_coding octet
     * @param state ENROUTE, DELIVERED, UNDELIVERABLE, EXPIRED, DELETED, REJECTED or ACCEPTED
     * @param submittedAt when the (first part of the) message arrived
     * @param parts how many PDUs carried it: 1 for a short message
     * @param receipts the receipts sent for it, oldest first
     * @param pdus every PDU in and out for it, oldest first; null where a listing leaves them out
     */
    public Message {
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
        pdus = pdus == null ? null : List.copyOf(pdus);
    }

    /**
     * The same message without its PDUs, as a listing shows it.
     *
     * @return a copy with {@code pdus} null
     */
    public Message withoutPdus() {
        return new Message(id, systemId, session, source, dest, text, dataCoding, state, submittedAt, parts, receipts, null);
    }
}
