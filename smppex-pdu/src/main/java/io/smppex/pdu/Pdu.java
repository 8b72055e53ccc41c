package io.smppex.pdu;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMPP PDU: an immutable value with its header (command_id, command_status,
 * sequence_number), its mandatory fields and its TLVs.
 *
 * <p>Each command has its own subclass ({@link SubmitSm}, {@link DeliverSmResp}, ...) with typed
 * getters named after the specification's fields and a builder. {@link PduFactory} builds the
 * common ones in one call; {@link PduCodec} turns PDUs into octets and back.
 *
 * <p>Instances are immutable and safe to share between threads. Octet-string getters return copies.
 */
public abstract sealed class Pdu
        permits RequestPdu, MessageIdResp, HeaderOnlyPdu, BindResp, QuerySmResp, SubmitMultiResp, Outbind,
        AlertNotification {
    static final byte[] NO_BYTES = new byte[0];

    final int commandStatus;
    final int sequenceNumber;
    final Tlvs tlvs;

    Pdu(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        this.commandStatus = commandStatus;
        this.sequenceNumber = sequenceNumber;
        this.tlvs = tlvs == null ? Tlvs.EMPTY : tlvs;
    }

    /** {@return the command this PDU is, e.g. {@link CommandId#SUBMIT_SM}} */
    public abstract CommandId commandId();

    /** {@return the specification's name of the command, e.g. {@code "submit_sm"}} */
    public final String commandName() {
        return commandId().smppName();
    }

    /** {@return the raw command_status: 0 in requests and in successful responses, else the error code} */
    public final int commandStatus() {
        return commandStatus;
    }

    /** {@return command_status as a described value; never null, also for codes SMPP does not define} */
    public final CommandStatus status() {
        return CommandStatus.of(commandStatus);
    }

    /**
     * {@return sequence_number, which pairs a response with its request; 0 in PDUs from
     * {@link PduFactory} until a session numbers them}
     */
    public final int sequenceNumber() {
        return sequenceNumber;
    }

    /** {@return the optional parameters (TLVs) in the order they travel; empty if none} */
    public final Tlvs tlvs() {
        return tlvs;
    }

    /**
     * One standard TLV's value, shorthand for {@code tlvs().get(tag)}.
     *
     * @param tag the TLV, e.g. {@link TlvTag#MESSAGE_PAYLOAD}
     * @param <T> its value type
     * @return the first value with that tag, or empty if absent
     * @throws IllegalStateException if a TLV added raw has a length the tag's type cannot be read
     *                               from (decoded PDUs never do); read it with {@link Tlvs#raw(int)}
     */
    public final <T> Optional<T> tlv(TlvTag<T> tag) {
        return tlvs.get(tag);
    }

    /** {@return whether this is a response: every {@code _resp}, and generic_nack, which answers a request too} */
    public final boolean isResponse() {
        return commandId().isResponse();
    }

    /** {@return whether this is a request, including outbind and alert_notification, which get no answer} */
    public final boolean isRequest() {
        return !isResponse();
    }

    /** {@return whether this is a response with command_status 0; a generic_nack is never a success} */
    public final boolean isSuccessResponse() {
        return isResponse() && commandStatus == 0 && commandId() != CommandId.GENERIC_NACK;
    }

    /** {@return whether this is bind_transmitter, bind_receiver or bind_transceiver} */
    public final boolean isBind() {
        return commandId().isBind();
    }

    /** {@return whether this answers a bind} */
    public final boolean isBindResponse() {
        return commandId().isBindResponse();
    }

    /** {@return whether this is a generic_nack, the answer to a PDU the peer could not read} */
    public final boolean isGenericNack() {
        return commandId() == CommandId.GENERIC_NACK;
    }

    /** {@return the source (originator) address, for PDUs that have one; empty for the others} */
    public Optional<Address> sourceAddress() {
        return Optional.empty();
    }

    /** {@return the destination address, for PDUs that have exactly one; empty for the others} */
    public Optional<Address> destAddress() {
        return Optional.empty();
    }

    /**
     * This PDU with another sequence number. Sessions use it to number outgoing requests.
     *
     * @param sequenceNumber the new number; SMPP uses 1..0x7FFFFFFF
     * @return a copy with that number, or this PDU if it already has it
     */
    public final Pdu withSequenceNumber(int sequenceNumber) {
        return sequenceNumber == this.sequenceNumber ? this : withHeader(commandStatus, sequenceNumber);
    }

    /**
     * This PDU with another command_status, e.g. to turn a prepared response into an error.
     *
     * @param commandStatus the new status code
     * @return a copy with that status, or this PDU if it already has it
     */
    public final Pdu withCommandStatus(int commandStatus) {
        return commandStatus == this.commandStatus ? this : withHeader(commandStatus, sequenceNumber);
    }

    /**
     * This response, numbered to answer {@code request} (SMPPEX's {@code as_reply_to}).
     *
     * @param request the request being answered
     * @return a copy with the request's sequence number
     * @throws IllegalArgumentException if this is not {@code request}'s response or a generic_nack
     */
    public final Pdu asReplyTo(Pdu request) {
        CommandId expected = request.commandId().response();
        if (commandId() != CommandId.GENERIC_NACK && commandId() != expected) {
            throw new IllegalArgumentException(commandName() + " cannot answer " + request.commandName()
                    + (expected == null ? ", which has no response" : "; expected " + expected.smppName()));
        }
        return withSequenceNumber(request.sequenceNumber());
    }

    /**
     * For a request: its {@code _resp} with {@code status}, the same sequence number and an empty
     * body. For requests without a response, a generic_nack. Sessions use this to refuse requests.
     *
     * @param status why the request is refused, e.g. {@link CommandStatus#ESME_RINVBNDSTS}
     * @return the response, numbered to answer this request
     * @throws IllegalStateException if this is a response, which is never answered
     */
    public Pdu errorResponse(CommandStatus status) {
        CommandId resp = commandId().response();
        if (resp == null) {
            if (isResponse()) {
                throw new IllegalStateException(commandName() + " is a response and is never answered");
            }
            resp = CommandId.GENERIC_NACK;
        }
        return Responses.empty(resp, status.code(), sequenceNumber);
    }

    /** {@return the mandatory fields by SMPP name, in wire order; for printing, logging and tests (arrays are copies)} */
    public final Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        visitFields((name, value) -> m.put(name, value instanceof byte[] ? ((byte[]) value).clone() : value));
        return m;
    }

    abstract Pdu withHeader(int commandStatus, int sequenceNumber);

    /** Size of the mandatory fields on the wire; also validates them for encoding. */
    abstract int mandatoryLength(boolean strict);

    abstract void writeMandatory(PduOutput out);

    /**
     * The whole PDU as one array of {@code length} octets with the header still to be written, if
     * this PDU keeps its wire form in a way that allows one copy; otherwise null.
     */
    byte[] copyWireForm(int length) {
        return null;
    }

    /** Reports each mandatory field in wire order. byte[] values are the internal arrays: do not mutate. */
    abstract void visitFields(FieldVisitor v);

    /**
     * Whether an error response carries anything beyond its header. SMPP 3.4 sends error responses
     * header-only; the codec uses this to avoid dropping content silently.
     */
    boolean hasBodyContent() {
        return !tlvs.isEmpty();
    }

    interface FieldVisitor {
        void field(String name, Object value);
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Pdu)) {
            return false;
        }
        Pdu p = (Pdu) o;
        if (p.commandId() != commandId() || p.commandStatus != commandStatus || p.sequenceNumber != sequenceNumber
                || !p.tlvs.equals(tlvs)) {
            return false;
        }
        Object[] a = values(this);
        Object[] b = values(p);
        return Arrays.deepEquals(a, b);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(commandId(), commandStatus, sequenceNumber, tlvs, Arrays.deepHashCode(values(this)));
    }

    private static Object[] values(Pdu p) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        p.visitFields((n, v) -> out.add(v));
        return out.toArray();
    }

    /** One line: command, status, sequence number and fields. {@link PduPrinter} gives the long form. */
    @Override
    public final String toString() {
        return PduPrinter.oneLine(this);
    }

    /**
     * Common builder state: header fields and TLVs. Subclass builders add the mandatory fields.
     *
     * @param <B> the concrete builder, returned by every setter
     * @param <P> the PDU it builds
     */
    public abstract static class Builder<B extends Builder<B, P>, P extends Pdu> {
        int commandStatus;
        int sequenceNumber;
        private Tlvs baseTlvs = Tlvs.EMPTY;
        private Tlvs.Builder tlvs;

        Builder() {
        }

        Builder(Pdu from) {
            this.commandStatus = from.commandStatus;
            this.sequenceNumber = from.sequenceNumber;
            this.baseTlvs = from.tlvs;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * Sets sequence_number. Sessions number requests themselves; set this for responses or raw encoding.
         *
         * @param sequenceNumber 1..0x7FFFFFFF on the wire; default 0
         * @return this builder
         */
        public B sequenceNumber(int sequenceNumber) {
            this.sequenceNumber = sequenceNumber;
            return self();
        }

        /**
         * Sets command_status; meaningful in responses only, requests carry 0.
         *
         * @param commandStatus the status code; default 0, success
         * @return this builder
         */
        public B commandStatus(int commandStatus) {
            this.commandStatus = commandStatus;
            return self();
        }

        /**
         * Sets command_status from a described value.
         *
         * @param status e.g. {@link CommandStatus#ESME_RTHROTTLED}; default {@link CommandStatus#ESME_ROK}
         * @return this builder
         */
        public B commandStatus(CommandStatus status) {
            return commandStatus(status.code());
        }

        /**
         * Copies the sequence number of the request this PDU answers.
         *
         * @param request the request being answered
         * @return this builder
         */
        public B replyTo(Pdu request) {
            return sequenceNumber(request.sequenceNumber());
        }

        /**
         * Sets a standard TLV, replacing every earlier value of the same tag.
         *
         * @param tag   the TLV
         * @param value its value, of a length the tag allows
         * @param <T>   its value type
         * @return this builder
         * @throws IllegalArgumentException if the value does not fit the tag (e.g. a 1-octet TLV above 255)
         */
        public <T> B tlv(TlvTag<T> tag, T value) {
            tlvBuilder().set(tag, value);
            return self();
        }

        /**
         * Appends another value of a TLV, for the repeatable ones such as callback_num.
         *
         * @param tag   the TLV
         * @param value its value, of a length the tag allows
         * @param <T>   its value type
         * @return this builder
         * @throws IllegalArgumentException if the value does not fit the tag
         */
        public <T> B addTlv(TlvTag<T> tag, T value) {
            tlvBuilder().add(tag, value);
            return self();
        }

        /**
         * Appends any TLV as raw octets, unchecked; for vendor tags (0x1400-0x3FFF) and for tests
         * that need a malformed value.
         *
         * @param tag   the 16-bit tag
         * @param value the value octets, copied
         * @return this builder
         */
        public B rawTlv(int tag, byte[] value) {
            tlvBuilder().add(tag, value);
            return self();
        }

        /**
         * Removes every TLV with this tag, e.g. one copied from a template.
         *
         * @param tag the 16-bit tag
         * @return this builder
         */
        public B removeTlv(int tag) {
            tlvBuilder().remove(tag);
            return self();
        }

        /**
         * Replaces all TLVs.
         *
         * @param tlvs the new list, e.g. another PDU's {@link Pdu#tlvs()}
         * @return this builder
         */
        public B tlvs(Tlvs tlvs) {
            this.baseTlvs = Objects.requireNonNull(tlvs, "tlvs");
            this.tlvs = null;
            return self();
        }

        final Tlvs.Builder tlvBuilder() {
            if (tlvs == null) {
                tlvs = baseTlvs.toBuilder();
            }
            return tlvs;
        }

        final Tlvs builtTlvs() {
            return tlvs == null ? baseTlvs : tlvs.build();
        }

        /**
         * Builds the PDU from the fields set so far; the builder can go on being used.
         *
         * @return the PDU, immutable
         */
        public abstract P build();
    }
}
