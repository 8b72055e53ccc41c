package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;

/**
 * A PDU could not be decoded. Says what went wrong, where, which SMPP status a peer should be
 * answered with, and whether the byte stream can still be framed.
 *
 * <p>The session layer reads {@link #framingIntact()}: when true it answers with a generic_nack
 * or the request's own {@code _resp} carrying {@link #commandStatus()} and carries on; when false
 * (a bad command_length) the stream cannot be trusted any more and the connection is closed.
 */
public final class PduDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** command_length is under 16. Framing is lost. */
        COMMAND_LENGTH_TOO_SHORT,
        /** command_length is over the configured cap. Framing is lost; nothing was allocated. */
        COMMAND_LENGTH_TOO_LONG,
        /** command_id is not defined by SMPP 3.4 or 5.0. */
        UNKNOWN_COMMAND_ID,
        /** Fewer octets were given than command_length announces. */
        INCOMPLETE_PDU,
        /** A mandatory field runs past the end of the PDU. */
        FIELD_TRUNCATED,
        /** A C-octet string has no NUL before the end of the PDU. */
        MISSING_NUL,
        /** A C-octet string is longer than the specification allows (strict decoding only). */
        STRING_TOO_LONG,
        /** A field holds a value the specification forbids (e.g. dest_flag 3, a time of the wrong length). */
        INVALID_FIELD_VALUE,
        /** A TLV header or value runs past the end of the PDU. */
        TLV_OVERRUN,
        /** A known TLV has a length its definition does not allow. */
        TLV_INVALID_LENGTH
    }

    /** What went wrong. */
    private final Reason reason;
    /** The status to answer with. */
    private final CommandStatus commandStatus;
    /** The SMPP name of the field at fault, or null. */
    private final String field;
    /** Offset of the fault from the start of the PDU. */
    private final int offset;
    /** Whether command_id and sequence_number could be read. */
    private final boolean headerReadable;
    /** command_length as received. */
    private final int commandLength;
    /** command_id as received. */
    private final int commandId;
    /** sequence_number as received. */
    private final int sequenceNumber;

    /**
     * Describes a decoding failure; thrown by {@link PduCodec}, public for transports and tests that
     * report failures of their own in the same terms.
     *
     * @param reason         what went wrong
     * @param commandStatus  the status a peer should be answered with
     * @param field          the SMPP name of the field at fault, or {@code null} for header errors
     * @param offset         offset of the fault from the start of the PDU
     * @param headerReadable whether command_id and sequence_number were read
     * @param commandLength  command_length as received
     * @param commandId      command_id as received, 0 if unreadable
     * @param sequenceNumber sequence_number as received, 0 if unreadable
     * @param message        the explanation, for logs
     */
    public PduDecodeException(Reason reason, CommandStatus commandStatus, String field, int offset,
                              boolean headerReadable, int commandLength, int commandId, int sequenceNumber,
                              String message) {
        super(message);
        this.reason = reason;
        this.commandStatus = commandStatus;
        this.field = field;
        this.offset = offset;
        this.headerReadable = headerReadable;
        this.commandLength = commandLength;
        this.commandId = commandId;
        this.sequenceNumber = sequenceNumber;
    }

    /** {@return what went wrong, for code that handles some failures differently} */
    public Reason reason() {
        return reason;
    }

    /** {@return the status to answer the PDU with, e.g. ESME_RINVCMDLEN or ESME_RINVTLVLEN} */
    public CommandStatus commandStatus() {
        return commandStatus;
    }

    /** {@return the field at fault (SMPP name such as {@code "source_addr"}), or {@code null} for header errors} */
    public String field() {
        return field;
    }

    /** {@return the offset of the fault from the start of the PDU} */
    public int offset() {
        return offset;
    }

    /** {@return whether command_id and sequence_number were read (always, unless fewer than 16 octets exist)} */
    public boolean headerReadable() {
        return headerReadable;
    }

    /** {@return command_length as received (possibly the bad value itself)} */
    public int commandLength() {
        return commandLength;
    }

    /** {@return the raw command_id; meaningful when {@link #headerReadable()}} */
    public int commandId() {
        return commandId;
    }

    /** {@return the raw sequence_number, to number the answer with; meaningful when {@link #headerReadable()}} */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** {@return whether the stream can still be split into PDUs; false when the length prefix itself is bad, and the connection should close} */
    public boolean framingIntact() {
        return reason != Reason.COMMAND_LENGTH_TOO_SHORT && reason != Reason.COMMAND_LENGTH_TOO_LONG;
    }

    /** {@return whether the PDU is a known request whose own {@code _resp} can carry the error (else answer with generic_nack)} */
    public boolean canAnswerWithResponse() {
        if (!framingIntact() || !headerReadable) {
            return false;
        }
        CommandId id = CommandId.fromId(commandId);
        return id != null && id.response() != null;
    }
}
