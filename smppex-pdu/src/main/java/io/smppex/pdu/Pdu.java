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

    public abstract CommandId commandId();

    /** The specification's name, e.g. {@code "submit_sm"}. */
    public final String commandName() {
        return commandId().smppName();
    }

    /** The raw command_status; 0 in requests and in successful responses. */
    public final int commandStatus() {
        return commandStatus;
    }

    /** command_status as a described value; never null, also for codes SMPP does not define. */
    public final CommandStatus status() {
        return CommandStatus.of(commandStatus);
    }

    public final int sequenceNumber() {
        return sequenceNumber;
    }

    public final Tlvs tlvs() {
        return tlvs;
    }

    /** Shorthand for {@code tlvs().get(tag)}. */
    public final <T> Optional<T> tlv(TlvTag<T> tag) {
        return tlvs.get(tag);
    }

    /** True for every {@code _resp} and for generic_nack, which answers a request too. */
    public final boolean isResponse() {
        return commandId().isResponse();
    }

    public final boolean isRequest() {
        return !isResponse();
    }

    /** A response with command_status 0. A generic_nack is never a success. */
    public final boolean isSuccessResponse() {
        return isResponse() && commandStatus == 0 && commandId() != CommandId.GENERIC_NACK;
    }

    public final boolean isBind() {
        return commandId().isBind();
    }

    public final boolean isBindResponse() {
        return commandId().isBindResponse();
    }

    public final boolean isGenericNack() {
        return commandId() == CommandId.GENERIC_NACK;
    }

    /** The source (originator) address, for PDUs that have one. */
    public Optional<Address> sourceAddress() {
        return Optional.empty();
    }

    /** The destination address, for PDUs that have exactly one. */
    public Optional<Address> destAddress() {
        return Optional.empty();
    }

    /** This PDU with another sequence number. Sessions use it to number outgoing requests. */
    public final Pdu withSequenceNumber(int sequenceNumber) {
        return sequenceNumber == this.sequenceNumber ? this : withHeader(commandStatus, sequenceNumber);
    }

    /** This PDU with another command_status. */
    public final Pdu withCommandStatus(int commandStatus) {
        return commandStatus == this.commandStatus ? this : withHeader(commandStatus, sequenceNumber);
    }

    /**
     * This response, numbered to answer {@code request} (SMPPEX's {@code as_reply_to}).
     *
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

    /** The mandatory fields by SMPP name, in wire order; for printing, logging and tests. */
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

        /** Sessions number requests themselves; set this for responses or raw encoding. */
        public B sequenceNumber(int sequenceNumber) {
            this.sequenceNumber = sequenceNumber;
            return self();
        }

        public B commandStatus(int commandStatus) {
            this.commandStatus = commandStatus;
            return self();
        }

        public B commandStatus(CommandStatus status) {
            return commandStatus(status.code());
        }

        /** Copies the sequence number of the request this PDU answers. */
        public B replyTo(Pdu request) {
            return sequenceNumber(request.sequenceNumber());
        }

        /** Sets a standard TLV, replacing an earlier value of the same tag. */
        public <T> B tlv(TlvTag<T> tag, T value) {
            tlvBuilder().set(tag, value);
            return self();
        }

        /** Appends another value of a repeatable TLV. */
        public <T> B addTlv(TlvTag<T> tag, T value) {
            tlvBuilder().add(tag, value);
            return self();
        }

        /** Appends any TLV as raw octets; for vendor tags. */
        public B rawTlv(int tag, byte[] value) {
            tlvBuilder().add(tag, value);
            return self();
        }

        public B removeTlv(int tag) {
            tlvBuilder().remove(tag);
            return self();
        }

        /** Replaces all TLVs. */
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

        public abstract P build();
    }
}
