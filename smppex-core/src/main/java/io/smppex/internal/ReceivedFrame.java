package io.smppex.internal;

import io.smppex.pdu.Pdu;

/** A decoded PDU with the octets it came in, for an observer that asked for them. */
record ReceivedFrame(Pdu pdu, byte[] octets) {
}
