package io.smppex.sim;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.MessageState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one journaled message: a submit_sm (a long one reassembled from its
 * parts), a data_sm, or one destination of a submit_multi.
 *
 * <p>The PDUs it travelled in are kept as their octets, one array per direction with the PDUs
 * back to back (each PDU says its own length); {@link #pdusIn()} and {@link #pdusOut()} decode
 * them on demand, so a journal of many messages stays small.
 */
public final class Message {
    private final String id;
    private final List<String> partIds;
    private final CommandId command;
    private final String systemId;
    private final String sessionId;
    private final String serviceType;
    private final Address source;
    private final Address destination;
    private final String text;
    private final int dataCoding;
    private final int parts;
    private final int partsReceived;
    private final int registeredDelivery;
    private final MessageState state;
    private final int errorCode;
    private final Instant submitTime;
    private final Instant scheduledTime;
    private final Instant validUntil;
    private final Instant finalTime;
    private final int receiptsSent;
    private final int receiptsAcknowledged;
    private final byte[] octetsIn;
    private final byte[] octetsOut;

    private Message(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.partIds = b.partIds == null ? List.of(id) : List.copyOf(b.partIds);
        this.command = Objects.requireNonNull(b.command, "command");
        this.systemId = Objects.requireNonNullElse(b.systemId, "");
        this.sessionId = Objects.requireNonNullElse(b.sessionId, "");
        this.serviceType = Objects.requireNonNullElse(b.serviceType, "");
        this.source = Objects.requireNonNullElse(b.source, Address.EMPTY);
        this.destination = Objects.requireNonNullElse(b.destination, Address.EMPTY);
        this.text = Objects.requireNonNullElse(b.text, "");
        this.dataCoding = b.dataCoding;
        this.parts = Math.max(1, b.parts);
        this.partsReceived = b.partsReceived <= 0 ? this.parts : b.partsReceived;
        this.registeredDelivery = b.registeredDelivery;
        this.state = Objects.requireNonNull(b.state, "state");
        this.errorCode = b.errorCode;
        this.submitTime = Objects.requireNonNull(b.submitTime, "submitTime");
        this.scheduledTime = b.scheduledTime;
        this.validUntil = b.validUntil;
        this.finalTime = b.finalTime;
        this.receiptsSent = b.receiptsSent;
        this.receiptsAcknowledged = b.receiptsAcknowledged;
        this.octetsIn = b.octetsIn == null ? new byte[0] : b.octetsIn;
        this.octetsOut = b.octetsOut == null ? new byte[0] : b.octetsOut;
    }

    /** {@return a builder, for tests and tools that make messages of their own} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The message_id the MC answered with: the first part's for a long message; the same for every
     * destination of one submit_multi.
     *
     * @return the message id
     */
    public String id() {
        return id;
    }

    /** {@return the message_id of every part, in part order; just {@link #id()} for a single-part message} */
    public List<String> partIds() {
        return partIds;
    }

    /** {@return SUBMIT_SM, DATA_SM or SUBMIT_MULTI} */
    public CommandId command() {
        return command;
    }

    /** {@return the system_id of the session that submitted it} */
    public String systemId() {
        return systemId;
    }

    /** {@return the id of the session that submitted it, e.g. {@code "mc-3"}} */
    public String sessionId() {
        return sessionId;
    }

    /** {@return the service_type, possibly empty} */
    public String serviceType() {
        return serviceType;
    }

    /** {@return the source address} */
    public Address source() {
        return source;
    }

    /** {@return the destination address (for submit_multi, this entry's destination)} */
    public Address destination() {
        return destination;
    }

    /** {@return the decoded text: the whole text for a long message, the parts received so far until all are in} */
    public String text() {
        return text;
    }

    /** {@return the data_coding of the message} */
    public int dataCoding() {
        return dataCoding;
    }

    /** {@return how many parts the message has (1 unless concatenated)} */
    public int parts() {
        return parts;
    }

    /** {@return how many of its parts have arrived} */
    public int partsReceived() {
        return partsReceived;
    }

    /** {@return the registered_delivery it was submitted with} */
    public int registeredDelivery() {
        return registeredDelivery;
    }

    /** {@return the current state: ENROUTE until final} */
    public MessageState state() {
        return state;
    }

    /** {@return the error code that query_sm and the receipt's {@code err:} report, 0 for none} */
    public int errorCode() {
        return errorCode;
    }

    /** {@return when the MC accepted it} */
    public Instant submitTime() {
        return submitTime;
    }

    /** {@return the schedule_delivery_time, resolved to an instant, if one was given} */
    public Optional<Instant> scheduledTime() {
        return Optional.ofNullable(scheduledTime);
    }

    /** {@return when the validity_period ends, resolved to an instant, if one was given} */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** {@return when it reached its final state, once it has} */
    public Optional<Instant> finalTime() {
        return Optional.ofNullable(finalTime);
    }

    /** {@return how many receipt deliver_sm were written for it, re-sends included} */
    public int receiptsSent() {
        return receiptsSent;
    }

    /** {@return how many of its receipts a receiver answered with ESME_ROK} */
    public int receiptsAcknowledged() {
        return receiptsAcknowledged;
    }

    /** {@return whether the state is final} */
    public boolean isFinal() {
        return state.isFinal();
    }

    /** {@return every PDU received for it (the submits and receipt responses), as octets, in arrival order} */
    public List<byte[]> octetsIn() {
        return split(octetsIn);
    }

    /** {@return every PDU sent for it (the submit responses and receipts), as octets, in sending order} */
    public List<byte[]> octetsOut() {
        return split(octetsOut);
    }

    /** {@return the PDUs of {@link #octetsIn()}, decoded} */
    public List<Pdu> pdusIn() {
        return decode(octetsIn);
    }

    /** {@return the PDUs of {@link #octetsOut()}, decoded} */
    public List<Pdu> pdusOut() {
        return decode(octetsOut);
    }

    /** {@return a builder holding this message's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.partIds = partIds;
        b.command = command;
        b.systemId = systemId;
        b.sessionId = sessionId;
        b.serviceType = serviceType;
        b.source = source;
        b.destination = destination;
        b.text = text;
        b.dataCoding = dataCoding;
        b.parts = parts;
        b.partsReceived = partsReceived;
        b.registeredDelivery = registeredDelivery;
        b.state = state;
        b.errorCode = errorCode;
        b.submitTime = submitTime;
        b.scheduledTime = scheduledTime;
        b.validUntil = validUntil;
        b.finalTime = finalTime;
        b.receiptsSent = receiptsSent;
        b.receiptsAcknowledged = receiptsAcknowledged;
        b.octetsIn = octetsIn;
        b.octetsOut = octetsOut;
        return b;
    }

    private static List<byte[]> split(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i + 4 <= all.length) {
            int len = ((all[i] & 0xFF) << 24) | ((all[i + 1] & 0xFF) << 16) | ((all[i + 2] & 0xFF) << 8) | (all[i + 3] & 0xFF);
            if (len < 16 || i + len > all.length) {
                break;
            }
            out.add(Arrays.copyOfRange(all, i, i + len));
            i += len;
        }
        return out;
    }

    private static List<Pdu> decode(byte[] all) {
        List<Pdu> out = new ArrayList<>();
        for (byte[] frame : split(all)) {
            try {
                out.add(PduCodec.defaults().decode(frame));
            } catch (RuntimeException e) {
                // The octets are what travelled; one that no longer decodes is still in octetsIn/octetsOut.
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return command.smppName() + " " + id + " " + systemId + " " + source.address() + "->" + destination.address()
                + " " + state + " '" + text + "'";
    }

    /** Builds a {@link Message}; id, command, state and submitTime are required. */
    public static final class Builder {
        private String id;
        private List<String> partIds;
        private CommandId command = CommandId.SUBMIT_SM;
        private String systemId;
        private String sessionId;
        private String serviceType;
        private Address source;
        private Address destination;
        private String text;
        private int dataCoding;
        private int parts = 1;
        private int partsReceived;
        private int registeredDelivery;
        private MessageState state = MessageState.ENROUTE;
        private int errorCode;
        private Instant submitTime;
        private Instant scheduledTime;
        private Instant validUntil;
        private Instant finalTime;
        private int receiptsSent;
        private int receiptsAcknowledged;
        private byte[] octetsIn;
        private byte[] octetsOut;

        private Builder() {
        }

        /** @param v the message id @return this builder */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /** @param v the id of each part @return this builder */
        public Builder partIds(List<String> v) {
            partIds = v;
            return this;
        }

        /** @param v SUBMIT_SM, DATA_SM or SUBMIT_MULTI @return this builder */
        public Builder command(CommandId v) {
            command = v;
            return this;
        }

        /** @param v the submitter's system_id @return this builder */
        public Builder systemId(String v) {
            systemId = v;
            return this;
        }

        /** @param v the submitting session's id @return this builder */
        public Builder sessionId(String v) {
            sessionId = v;
            return this;
        }

        /** @param v the service_type @return this builder */
        public Builder serviceType(String v) {
            serviceType = v;
            return this;
        }

        /** @param v the source address @return this builder */
        public Builder source(Address v) {
            source = v;
            return this;
        }

        /** @param v the destination address @return this builder */
        public Builder destination(Address v) {
            destination = v;
            return this;
        }

        /** @param v the decoded text @return this builder */
        public Builder text(String v) {
            text = v;
            return this;
        }

        /** @param v the data_coding @return this builder */
        public Builder dataCoding(int v) {
            dataCoding = v;
            return this;
        }

        /** @param total the number of parts @param received how many arrived @return this builder */
        public Builder parts(int total, int received) {
            parts = total;
            partsReceived = received;
            return this;
        }

        /** @param v the registered_delivery @return this builder */
        public Builder registeredDelivery(int v) {
            registeredDelivery = v;
            return this;
        }

        /** @param v the state @return this builder */
        public Builder state(MessageState v) {
            state = v;
            return this;
        }

        /** @param v the error code @return this builder */
        public Builder errorCode(int v) {
            errorCode = v;
            return this;
        }

        /** @param v when it was accepted @return this builder */
        public Builder submitTime(Instant v) {
            submitTime = v;
            return this;
        }

        /** @param v the scheduled delivery time, or null @return this builder */
        public Builder scheduledTime(Instant v) {
            scheduledTime = v;
            return this;
        }

        /** @param v the end of the validity period, or null @return this builder */
        public Builder validUntil(Instant v) {
            validUntil = v;
            return this;
        }

        /** @param v when it became final, or null @return this builder */
        public Builder finalTime(Instant v) {
            finalTime = v;
            return this;
        }

        /** @param sent receipts written @param acknowledged receipts answered with ESME_ROK @return this builder */
        public Builder receipts(int sent, int acknowledged) {
            receiptsSent = sent;
            receiptsAcknowledged = acknowledged;
            return this;
        }

        /**
         * @param in  the PDUs received, back to back (not copied)
         * @param out the PDUs sent, back to back (not copied)
         * @return this builder
         */
        public Builder octets(byte[] in, byte[] out) {
            octetsIn = in;
            octetsOut = out;
            return this;
        }

        /** {@return the message} */
        public Message build() {
            return new Message(this);
        }
    }
}
