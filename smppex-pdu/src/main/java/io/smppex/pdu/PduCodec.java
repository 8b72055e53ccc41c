package io.smppex.pdu;

import io.smppex.pdu.PduDecodeException.Reason;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.nio.ByteBuffer;

/**
 * Turns PDUs into octets and back. Immutable and thread-safe; share one instance.
 *
 * <h2>Framing</h2>
 * A transport reads {@link #frameLength} as soon as four octets are available: it checks
 * command_length against 16 and {@link #maxCommandLength()} <em>before</em> anything is allocated,
 * and says how many octets the next PDU occupies.
 *
 * <h2>Decoding</h2>
 * {@link #decode(PduInput, int, int)} reads one PDU. Failures are {@link PduDecodeException}s that
 * carry the SMPP status to answer with and whether framing is still intact.
 * <ul>
 * <li>{@link Mode#LENIENT} (the default) accepts what real MCs send: C-strings longer than the
 *     specification allows, a missing NUL on a response's final message_id, short_message and
 *     message_payload together, receipt TLVs without their NUL, header-only responses.</li>
 * <li>{@link Mode#STRICT} enforces every length and format of the specification.</li>
 * </ul>
 *
 * <h2>Encoding</h2>
 * Encoding validates and names the field at fault. In {@link Mode#STRICT} (the default for
 * encoding) strings must fit the specification's maxima, short_message at most 254 octets and never
 * beside message_payload; {@link Mode#LENIENT} allows what the wire format can carry, for proxies
 * that forward what they received. Error responses follow {@link ErrorResponseBody}.
 */
public final class PduCodec {
    /** Octets of every PDU header: command_length, command_id, command_status, sequence_number. */
    public static final int HEADER_LENGTH = 16;
    /** 64 KiB: above any legitimate PDU (a full message_payload is 65,535 octets plus fields is the only exception). */
    public static final int DEFAULT_MAX_COMMAND_LENGTH = 64 * 1024;

    /** How closely to follow the specification. */
    public enum Mode {
        /** Accept what real peers send where it can be read unambiguously (the decoding default). */
        LENIENT,
        /** Enforce every length and format of the specification (the encoding default). */
        STRICT
    }

    /** What to send in a response whose command_status is not 0. */
    public enum ErrorResponseBody {
        /**
         * Header only (the 3.4 way) when the response carries nothing; the full body (allowed by
         * 5.0) when it carries a message_id, other fields or TLVs, so nothing is dropped.
         */
        AUTO,
        /** Always header only; a response that carries anything fails to encode rather than lose it. */
        HEADER_ONLY,
        /** Always the full body, even if empty. */
        FULL
    }

    private static final PduCodec DEFAULT = builder().build();

    private final int maxCommandLength;
    private final boolean strictDecode;
    private final boolean strictEncode;
    private final ErrorResponseBody errorResponseBody;

    private PduCodec(Builder b) {
        this.maxCommandLength = b.maxCommandLength;
        this.strictDecode = b.decodeMode == Mode.STRICT;
        this.strictEncode = b.encodeMode == Mode.STRICT;
        this.errorResponseBody = b.errorResponseBody;
    }

    /** {@return the shared codec with lenient decoding, strict encoding, AUTO error bodies and a 64 KiB cap} */
    public static PduCodec defaults() {
        return DEFAULT;
    }

    /** {@return a builder starting from the {@link #defaults()} settings} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the largest command_length this codec accepts or produces} */
    public int maxCommandLength() {
        return maxCommandLength;
    }

    /** {@return how closely decoding follows the specification} */
    public Mode decodeMode() {
        return strictDecode ? Mode.STRICT : Mode.LENIENT;
    }

    /** {@return how closely encoding follows the specification} */
    public Mode encodeMode() {
        return strictEncode ? Mode.STRICT : Mode.LENIENT;
    }

    /** {@return what an encoded error response carries besides its header} */
    public ErrorResponseBody errorResponseBody() {
        return errorResponseBody;
    }

    /**
     * The length of the PDU starting at {@code index}, once its four length octets are there; a
     * transport calls this to know how many octets to wait for.
     *
     * @param in        the received octets
     * @param index     where the PDU starts in {@code in}
     * @param available octets readable from {@code index}
     * @return command_length, or -1 if fewer than four octets are available
     * @throws PduDecodeException if command_length is under 16 or over the cap (framing is lost)
     */
    public int frameLength(PduInput in, int index, int available) {
        if (available < 4) {
            return -1;
        }
        int len = in.getInt(index);
        checkCommandLength(in, index, available, len);
        return len;
    }

    private void checkCommandLength(PduInput in, int index, int available, int len) {
        if (len < HEADER_LENGTH || len > maxCommandLength) {
            boolean header = available >= HEADER_LENGTH;
            int id = header ? in.getInt(index + 4) : 0;
            int seq = header ? in.getInt(index + 12) : 0;
            boolean shortLen = len >= 0 && len < HEADER_LENGTH;
            throw new PduDecodeException(shortLen ? Reason.COMMAND_LENGTH_TOO_SHORT : Reason.COMMAND_LENGTH_TOO_LONG,
                    CommandStatus.ESME_RINVCMDLEN, "command_length", 0, header, len, id, seq,
                    "command_length " + Integer.toUnsignedString(len) + (shortLen
                            ? " is under the 16-octet header"
                            : " exceeds the maximum of " + maxCommandLength));
        }
    }

    /**
     * Decodes one whole PDU held in {@code frame}.
     *
     * @param frame the PDU's octets, header first; octets after command_length are ignored
     * @return the PDU, a subclass per command (e.g. {@link SubmitSm})
     * @throws PduDecodeException with the status to answer with if the PDU is malformed
     */
    public Pdu decode(byte[] frame) {
        return decode(PduInput.of(frame), 0, frame.length);
    }

    /**
     * Decodes the PDU that starts at {@code index}. Exactly command_length octets are read; any
     * further octets belong to the next PDU and are left alone.
     *
     * @param in        the received octets, e.g. a transport's buffer wrapped with {@link PduInput#of}
     * @param index     where the PDU starts in {@code in}
     * @param available octets readable from {@code index}
     * @return the PDU, a subclass per command; it owns a copy of its frame
     * @throws PduDecodeException with the status to answer with if the PDU is incomplete or malformed
     */
    public Pdu decode(PduInput in, int index, int available) {
        if (available < 4) {
            throw new PduDecodeException(Reason.INCOMPLETE_PDU, CommandStatus.ESME_RINVCMDLEN, "command_length", 0, false,
                    0, 0, 0, "only " + available + " octet(s); a PDU starts with a 4-octet command_length");
        }
        int len = in.getInt(index);
        checkCommandLength(in, index, available, len);
        if (available < len) {
            boolean header = available >= HEADER_LENGTH;
            throw new PduDecodeException(Reason.INCOMPLETE_PDU, CommandStatus.ESME_RINVCMDLEN, null, available, header,
                    len, header ? in.getInt(index + 4) : 0, header ? in.getInt(index + 12) : 0,
                    "command_length is " + len + " but only " + available + " octets are present");
        }
        int idValue = in.getInt(index + 4);
        int status = in.getInt(index + 8);
        int seq = in.getInt(index + 12);
        CommandId id = CommandId.fromId(idValue);
        if (id == null) {
            throw new PduDecodeException(Reason.UNKNOWN_COMMAND_ID, CommandStatus.ESME_RINVCMDID, "command_id", 4, true, len,
                    idValue, seq, String.format("unknown command_id 0x%08X", idValue));
        }
        if (len == HEADER_LENGTH && id.isResponse()) {
            return Responses.empty(id, status, seq);
        }
        // One copy of the frame, owned by the decoded PDU: fields are read from it as plain array
        // accesses, TLVs stay a view of it and strings can be materialised only when asked for.
        byte[] frame = new byte[len];
        in.getBytes(index, frame, 0, len);
        BodyReader r = new BodyReader(frame, len, idValue, status, seq, strictDecode);
        switch (id) {
            case GENERIC_NACK: return GenericNack.decode(r);
            case BIND_RECEIVER: return BindReceiver.decode(r);
            case BIND_RECEIVER_RESP: return BindReceiverResp.decode(r);
            case BIND_TRANSMITTER: return BindTransmitter.decode(r);
            case BIND_TRANSMITTER_RESP: return BindTransmitterResp.decode(r);
            case QUERY_SM: return QuerySm.decode(r);
            case QUERY_SM_RESP: return QuerySmResp.decode(r);
            case SUBMIT_SM: return SubmitSm.decode(r);
            case SUBMIT_SM_RESP: return SubmitSmResp.decode(r);
            case DELIVER_SM: return DeliverSm.decode(r);
            case DELIVER_SM_RESP: return DeliverSmResp.decode(r);
            case UNBIND: return Unbind.decode(r);
            case UNBIND_RESP: return UnbindResp.decode(r);
            case REPLACE_SM: return ReplaceSm.decode(r);
            case REPLACE_SM_RESP: return ReplaceSmResp.decode(r);
            case CANCEL_SM: return CancelSm.decode(r);
            case CANCEL_SM_RESP: return CancelSmResp.decode(r);
            case BIND_TRANSCEIVER: return BindTransceiver.decode(r);
            case BIND_TRANSCEIVER_RESP: return BindTransceiverResp.decode(r);
            case OUTBIND: return Outbind.decode(r);
            case ENQUIRE_LINK: return EnquireLink.decode(r);
            case ENQUIRE_LINK_RESP: return EnquireLinkResp.decode(r);
            case SUBMIT_MULTI: return SubmitMulti.decode(r);
            case SUBMIT_MULTI_RESP: return SubmitMultiResp.decode(r);
            case ALERT_NOTIFICATION: return AlertNotification.decode(r);
            case DATA_SM: return DataSm.decode(r);
            case DATA_SM_RESP: return DataSmResp.decode(r);
            case BROADCAST_SM: return BroadcastSm.decode(r);
            case BROADCAST_SM_RESP: return BroadcastSmResp.decode(r);
            case QUERY_BROADCAST_SM: return QueryBroadcastSm.decode(r);
            case QUERY_BROADCAST_SM_RESP: return QueryBroadcastSmResp.decode(r);
            case CANCEL_BROADCAST_SM: return CancelBroadcastSm.decode(r);
            case CANCEL_BROADCAST_SM_RESP: return CancelBroadcastSmResp.decode(r);
            default: throw new AssertionError(id);
        }
    }

    /**
     * The exact number of octets {@code pdu} encodes to; also validates it.
     *
     * @param pdu the PDU
     * @return its command_length
     * @throws PduEncodeException naming the field at fault
     */
    public int encodedLength(Pdu pdu) {
        return HEADER_LENGTH + bodyLength(pdu);
    }

    /**
     * Encodes into a new array of exactly the right size.
     *
     * @param pdu the PDU, with its own sequence number
     * @return the octets, header first
     * @throws PduEncodeException naming the field at fault
     */
    public byte[] encode(Pdu pdu) {
        int body = bodyLength(pdu);
        byte[] out = body == 0 ? null : pdu.copyWireForm(HEADER_LENGTH + body);
        if (out != null) {
            // The PDU kept its wire form with room for a header in front: one array copy, then the header.
            ArrayPduOutput header = new ArrayPduOutput(out, 0);
            header.writeInt(HEADER_LENGTH + body);
            header.writeInt(pdu.commandId().id());
            header.writeInt(pdu.commandStatus);
            header.writeInt(pdu.sequenceNumber);
            return out;
        }
        out = new byte[HEADER_LENGTH + body];
        write(pdu, pdu.sequenceNumber, body, new ArrayPduOutput(out, 0));
        return out;
    }

    /**
     * Encodes straight into the caller's buffer: {@link PduOutput#ensureWritable} is called once
     * with the exact size, then the PDU is written. Nothing is written if validation fails.
     *
     * @param pdu the PDU, with its own sequence number
     * @param out where to write, e.g. a transport's buffer
     * @return the number of octets written
     * @throws PduEncodeException naming the field at fault
     */
    public int encode(Pdu pdu, PduOutput out) {
        return encode(pdu, pdu.sequenceNumber, out);
    }

    /**
     * Encodes {@code pdu} as if its sequence_number were {@code sequenceNumber}, so a session can
     * number a request on the wire without first copying it with {@link Pdu#withSequenceNumber}.
     *
     * @param pdu            the PDU
     * @param sequenceNumber the sequence_number to write instead of the PDU's
     * @param out            where to write
     * @return the number of octets written
     * @throws PduEncodeException naming the field at fault; nothing is written then
     */
    public int encode(Pdu pdu, int sequenceNumber, PduOutput out) {
        int body = bodyLength(pdu, sequenceNumber);
        out.ensureWritable(HEADER_LENGTH + body);
        write(pdu, sequenceNumber, body, out);
        return HEADER_LENGTH + body;
    }

    /**
     * Encodes at a buffer's position and advances it, allocating nothing: the {@link PduOutput}
     * over the buffer is one per thread, re-pointed for each call.
     *
     * @param pdu    the PDU, with its own sequence number
     * @param buffer where to write, from its position; it must have room for the whole PDU
     * @return the number of octets written
     * @throws PduEncodeException naming the field at fault; nothing is written then
     * @throws java.nio.BufferOverflowException if the buffer has too little room
     */
    public int encode(Pdu pdu, ByteBuffer buffer) {
        ByteBufferPduOutput out = BUFFER_OUTPUT.get();
        try {
            return encode(pdu, pdu.sequenceNumber, out.wrap(buffer));
        } finally {
            out.wrap(null);
        }
    }

    private static final ThreadLocal<ByteBufferPduOutput> BUFFER_OUTPUT = ThreadLocal.withInitial(ByteBufferPduOutput::new);

    private static void write(Pdu pdu, int sequenceNumber, int body, PduOutput out) {
        out.writeInt(HEADER_LENGTH + body);
        out.writeInt(pdu.commandId().id());
        out.writeInt(pdu.commandStatus);
        out.writeInt(sequenceNumber);
        if (body > 0) {
            pdu.writeMandatory(out);
            pdu.tlvs.writeTo(out);
        }
    }

    private int bodyLength(Pdu pdu) {
        return bodyLength(pdu, pdu.sequenceNumber);
    }

    private int bodyLength(Pdu pdu, int sequenceNumber) {
        // Our requests are numbered 1..0x7FFFFFFF; a response echoes whatever the peer used, even a
        // number out of range, because the peer matches on it and silence would leave it waiting.
        if (sequenceNumber < 0 && pdu.isRequest()) {
            throw new PduEncodeException("sequence_number", "must be 0..0x7FFFFFFF in a request, was 0x"
                    + Integer.toHexString(sequenceNumber));
        }
        if (pdu.commandStatus != 0 && pdu.isResponse()) {
            switch (errorResponseBody) {
                case AUTO:
                    if (!pdu.hasBodyContent()) {
                        return 0;
                    }
                    break;
                case HEADER_ONLY:
                    if (pdu.hasBodyContent()) {
                        throw new PduEncodeException(null, pdu.commandName() + " with status " + pdu.status().name()
                                + " carries fields or TLVs, which header-only error responses (SMPP 3.4) cannot hold;"
                                + " remove them or use ErrorResponseBody.AUTO");
                    }
                    return 0;
                case FULL:
                default:
                    break;
            }
        }
        int len = pdu.mandatoryLength(strictEncode) + pdu.tlvs.encodedLength();
        if (HEADER_LENGTH + len > maxCommandLength) {
            throw new PduEncodeException("command_length", (HEADER_LENGTH + len) + " octets exceed the maximum of "
                    + maxCommandLength);
        }
        return len;
    }

    /** Configures a {@link PduCodec}. */
    public static final class Builder {
        private int maxCommandLength = DEFAULT_MAX_COMMAND_LENGTH;
        private Mode decodeMode = Mode.LENIENT;
        private Mode encodeMode = Mode.STRICT;
        private ErrorResponseBody errorResponseBody = ErrorResponseBody.AUTO;

        private Builder() {
        }

        /**
         * Sets the largest command_length accepted or produced. Longer frames are refused before
         * any allocation, so a hostile length cannot exhaust memory.
         *
         * @param max at least 16; default {@link #DEFAULT_MAX_COMMAND_LENGTH} (64 KiB)
         * @return this builder
         */
        public Builder maxCommandLength(int max) {
            if (max < HEADER_LENGTH) {
                throw new IllegalArgumentException("maxCommandLength must be at least 16, was " + max);
            }
            this.maxCommandLength = max;
            return this;
        }

        /**
         * Sets how closely decoding follows the specification.
         *
         * @param mode default {@link Mode#LENIENT}, which reads what real MCs send
         * @return this builder
         */
        public Builder decodeMode(Mode mode) {
            this.decodeMode = java.util.Objects.requireNonNull(mode);
            return this;
        }

        /**
         * Sets how closely encoding follows the specification.
         *
         * @param mode default {@link Mode#STRICT}; {@link Mode#LENIENT} lets a proxy forward what it received
         * @return this builder
         */
        public Builder encodeMode(Mode mode) {
            this.encodeMode = java.util.Objects.requireNonNull(mode);
            return this;
        }

        /**
         * Sets the mode of both directions at once.
         *
         * @param mode the mode for decoding and encoding
         * @return this builder
         */
        public Builder mode(Mode mode) {
            return decodeMode(mode).encodeMode(mode);
        }

        /**
         * Sets what an encoded error response carries besides its header.
         *
         * @param policy default {@link ErrorResponseBody#AUTO}
         * @return this builder
         */
        public Builder errorResponseBody(ErrorResponseBody policy) {
            this.errorResponseBody = java.util.Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Builds the codec; the builder can go on being used.
         *
         * @return the codec, immutable and thread-safe
         */
        public PduCodec build() {
            return new PduCodec(this);
        }
    }
}
