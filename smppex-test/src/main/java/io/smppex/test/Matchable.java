package io.smppex.test;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;

/**
 * What a {@link RequestPattern} looks at: a request or a message of the journal, or a request a
 * stub is about to answer.
 */
public interface Matchable {

    /** @return the request's command, e.g. {@link CommandId#SUBMIT_SM} */
    CommandId command();

    /** @return the system_id of the session it came on, or null before a bind */
    String systemId();

    /** @return source_addr, or null if the command has none */
    String source();

    /** @return destination_addr, or null if the command has none */
    String destination();

    /** @return the decoded text (reassembled for a long message), or null if the command has none */
    String text();

    /** @return data_coding, 0 if the command has none */
    int dataCoding();

    /** @return the PDU itself (the first part of a long message) */
    Pdu pdu();
}
