package io.smppex.pdu.text;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Joins the parts of concatenated messages, whether they were tied together by a UDH or by SAR
 * TLVs.
 *
 * <p>Parts are grouped by (source, destination, reference, total) and may arrive in any order; a
 * part number seen before for a pending message is reported as a duplicate and ignored. The store
 * is bounded: when {@code maxPendingMessages} messages are incomplete, a part of a new message
 * evicts the one that started longest ago; a message still incomplete {@code timeout} after its
 * first part arrived is evicted on the next call. Evicted messages are queued for
 * {@link #drainEvicted()} so the caller can report the loss.
 *
 * <p>Parts are joined before decoding, so a sender that split a GSM escape sequence or a
 * surrogate pair across parts is still decoded correctly. For packed GSM 7-bit parts
 * ({@link TextCodec#GSM7_PACKED}) each part is unpacked with the fill bits that follow its UDH:
 * pass the whole short_message to {@link #offerWithUdh} and that is handled; through
 * {@link #offer} the user data is taken to have no UDH before it (fill bits 0, as with SAR). A
 * caller that has already unpacked the septets can pass them with {@link TextCodec#GSM7}.
 *
 * <p>A completed message's parts are remembered for {@code timeout} after completion (at most
 * {@code maxPendingMessages} such messages, oldest forgotten first), so a part the MC delivers
 * again after the message completed, e.g. because a deliver_sm_resp was lost, is reported as a
 * {@link Duplicate} rather than starting the message over. Only a part with identical content
 * counts: a new message reusing the key with different text starts afresh. The price is that a
 * new message reusing the key whose <em>first-arriving</em> part is identical to the earlier
 * message's is taken for a duplicate of it.
 *
 * <p>Thread-safe: every method is synchronized. Time comes from the {@code nanoClock} given to
 * the {@link Builder}, so tests can drive it.
 */
public final class Reassembler {

    private final int maxPendingMessages;
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final int maxEvictionReports;

    /** Insertion order is start order, so the first entry is always the oldest. */
    private final LinkedHashMap<Key, PendingMessage> pending = new LinkedHashMap<>();
    /** Recently completed messages, in completion order, to recognise late duplicates. */
    private final LinkedHashMap<Key, Done> completed = new LinkedHashMap<>();
    private final ArrayDeque<Evicted> evicted = new ArrayDeque<>();
    private long droppedEvictionReports;

    private Reassembler(Builder b) {
        this.maxPendingMessages = b.maxPendingMessages;
        this.timeoutNanos = b.timeout.toNanos();
        this.nanoClock = b.nanoClock;
        this.maxEvictionReports = b.maxEvictionReports;
    }

    /**
     * A reassembler with the system clock.
     *
     * @param maxPendingMessages how many incomplete messages to hold, at least 1
     * @param timeout            how long after its first part a message may stay incomplete
     */
    public Reassembler(int maxPendingMessages, Duration timeout) {
        this(builder().maxPendingMessages(maxPendingMessages).timeout(timeout));
    }

    /** @return a builder with defaults: 1024 pending messages, 5 minutes, {@code System::nanoTime} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Offers one part whose numbering the caller has extracted: from SAR TLVs
     * (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum) or from a parsed {@link Udh}.
     *
     * @param source      the source address; use "" when absent
     * @param destination the destination address; use "" when absent
     * @param reference   the concatenation reference, 0..65535
     * @param total       the number of parts, 1..255
     * @param partNumber  this part, 1..total
     * @param userData    this part's octets without any UDH (see the class comment for packed GSM)
     * @param codec       how to decode the part, e.g. {@code TextCodec.forDataCoding(dataCoding)}
     * @return what happened
     */
    public synchronized Result offer(String source, String destination, int reference, int total, int partNumber,
                                     byte[] userData, TextCodec codec) {
        Objects.requireNonNull(userData, "userData");
        return offerUnits(source, destination, reference, total, partNumber, userData, 0, userData.length, 0, codec);
    }

    /**
     * Offers a short_message (or message_payload) that starts with a UDH, i.e. one received with
     * UDHI (0x40) in esm_class. A message whose header has no usable concatenation element is
     * complete on its own and comes back as {@link Completed} with a total of 1. National language
     * elements (0x24, 0x25) in the header switch a GSM codec to the tables they name, part by part
     * (see {@link TextCodec#forUdh(Udh)}).
     *
     * @param source       the source address; use "" when absent
     * @param destination  the destination address; use "" when absent
     * @param shortMessage the whole value, header included
     * @param codec        how to decode the text after the header
     * @return what happened; {@link Rejected} if the header is malformed
     */
    public synchronized Result offerWithUdh(String source, String destination, byte[] shortMessage, TextCodec codec) {
        Objects.requireNonNull(shortMessage, "shortMessage");
        Udh udh;
        try {
            udh = Udh.parse(shortMessage);
        } catch (UdhFormatException e) {
            evictExpired();
            return new Rejected("malformed UDH: " + e.getMessage());
        }
        int off = udh.length();
        int len = shortMessage.length - off;
        TextCodec partCodec = Objects.requireNonNull(codec, "codec").forUdh(udh);
        Optional<Udh.Concat> concat = udh.concat();
        if (concat.isEmpty()) {
            evictExpired();
            byte[] units = partCodec.unitsOf(shortMessage, off, len, off);
            return new Completed(partCodec.decodeUnits(units, 0, units.length), units, partCodec.dataCoding(), 0, 1);
        }
        Udh.Concat c = concat.get();
        return offerUnits(source, destination, c.reference(), c.total(), c.partNumber(), shortMessage, off, len, off,
                partCodec);
    }

    private Result offerUnits(String source, String destination, int reference, int total, int partNumber,
                              byte[] data, int off, int len, int udhLength, TextCodec codec) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(codec, "codec");
        evictExpired();
        if (reference < 0 || reference > 0xFFFF) {
            return new Rejected("reference " + reference + " is outside 0..65535");
        }
        if (total < 1 || total > 255) {
            return new Rejected("total " + total + " is outside 1..255");
        }
        if (partNumber < 1 || partNumber > total) {
            return new Rejected("part number " + partNumber + " is outside 1.." + total);
        }
        byte[] units = codec.unitsOf(data, off, len, udhLength);
        if (total == 1) {
            return new Completed(codec.decodeUnits(units, 0, units.length), units, codec.dataCoding(), reference, 1);
        }
        Key key = new Key(source, destination, reference, total);
        PendingMessage message = pending.get(key);
        if (message == null) {
            Done done = completed.get(key);
            if (done != null && Arrays.equals(done.units[partNumber - 1], units)) {
                return new Duplicate(partNumber);
            }
            if (pending.size() >= maxPendingMessages) {
                Iterator<PendingMessage> oldest = pending.values().iterator();
                report(oldest.next(), Evicted.Reason.CAPACITY);
                oldest.remove();
            }
            message = new PendingMessage(key, nanoClock.getAsLong());
            pending.put(key, message);
        }
        if (message.units[partNumber - 1] != null) {
            return new Duplicate(partNumber);
        }
        message.units[partNumber - 1] = units;
        message.codecs[partNumber - 1] = codec;
        message.received++;
        if (message.received < total) {
            return new Pending(message.received, total);
        }
        pending.remove(key);
        completed.remove(key);
        completed.put(key, new Done(nanoClock.getAsLong(), message.units));
        if (completed.size() > maxPendingMessages) {
            Iterator<Done> oldest = completed.values().iterator();
            oldest.next();
            oldest.remove();
        }
        return message.complete();
    }

    /**
     * Evicts every message still incomplete {@code timeout} after its first part. Called by every
     * {@code offer}; call it from a timer as well if parts may stop arriving altogether.
     *
     * @return how many messages were evicted by this call
     */
    public synchronized int evictExpired() {
        long now = nanoClock.getAsLong();
        int count = 0;
        Iterator<PendingMessage> it = pending.values().iterator();
        while (it.hasNext()) {
            PendingMessage m = it.next();
            // Entries are in start order, so the first one that has not expired ends the scan.
            if (now - m.startedNanos < timeoutNanos) {
                break;
            }
            report(m, Evicted.Reason.EXPIRED);
            it.remove();
            count++;
        }
        Iterator<Done> done = completed.values().iterator();
        while (done.hasNext() && now - done.next().completedNanos >= timeoutNanos) {
            done.remove();
        }
        return count;
    }

    /**
     * Returns and forgets the reports of messages evicted since the last call, oldest first. At
     * most {@code maxEvictionReports} are kept between calls; older ones are counted by
     * {@link #droppedEvictionReports()}.
     *
     * @return the evicted messages; empty if none
     */
    public synchronized List<Evicted> drainEvicted() {
        List<Evicted> out = new ArrayList<>(evicted);
        evicted.clear();
        return out;
    }

    /** @return how many eviction reports were discarded because nobody drained them in time */
    public synchronized long droppedEvictionReports() {
        return droppedEvictionReports;
    }

    /** {@return how many incomplete messages are held, at most {@code maxPendingMessages}} */
    public synchronized int pendingCount() {
        return pending.size();
    }

    private void report(PendingMessage m, Evicted.Reason reason) {
        if (maxEvictionReports == 0) {
            droppedEvictionReports++;
            return;
        }
        if (evicted.size() == maxEvictionReports) {
            evicted.removeFirst();
            droppedEvictionReports++;
        }
        evicted.addLast(new Evicted(m.key.source, m.key.destination, m.key.reference, m.key.total, m.received, reason));
    }

    private record Key(String source, String destination, int reference, int total) {
    }

    /** The parts of a completed message, kept to recognise late duplicates. */
    private record Done(long completedNanos, byte[][] units) {
    }

    private static final class PendingMessage {
        final Key key;
        final long startedNanos;
        final byte[][] units;
        final TextCodec[] codecs;
        int received;

        PendingMessage(Key key, long startedNanos) {
            this.key = key;
            this.startedNanos = startedNanos;
            this.units = new byte[key.total][];
            this.codecs = new TextCodec[key.total];
        }

        Completed complete() {
            // Consecutive parts with the same codec are joined before decoding, so a character
            // split across parts by a careless sender still comes out whole.
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < units.length) {
                TextCodec codec = codecs[i];
                ByteArrayOutputStream run = new ByteArrayOutputStream();
                while (i < units.length && codecs[i].equals(codec)) {
                    run.writeBytes(units[i]);
                    i++;
                }
                byte[] joined = run.toByteArray();
                text.append(codec.decodeUnits(joined, 0, joined.length));
                all.writeBytes(joined);
            }
            return new Completed(text.toString(), all.toByteArray(), codecs[0].dataCoding(), key.reference, key.total);
        }
    }

    /** Configures a {@link Reassembler}. */
    public static final class Builder {
        private int maxPendingMessages = 1024;
        private Duration timeout = Duration.ofMinutes(5);
        private LongSupplier nanoClock = System::nanoTime;
        private int maxEvictionReports = 1024;

        private Builder() {
        }

        /**
         * Sets the bound on incomplete messages; a part of a new message beyond it evicts the
         * oldest incomplete one, reported by {@link Reassembler#drainEvicted()}.
         *
         * @param value how many incomplete messages to hold, at least 1 (default 1024)
         * @return this builder
         */
        public Builder maxPendingMessages(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPendingMessages must be at least 1, got " + value);
            }
            this.maxPendingMessages = value;
            return this;
        }

        /**
         * Sets how long a message may wait for its missing parts, and how long a completed one is
         * remembered to recognise late duplicates.
         *
         * @param value how long after its first part a message may stay incomplete; positive (default 5 minutes)
         * @return this builder
         */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * Sets the clock timeouts are measured with; tests pass one they drive.
         *
         * @param value a monotonic clock in nanoseconds, like {@code System::nanoTime} (the default)
         * @return this builder
         */
        public Builder nanoClock(LongSupplier value) {
            this.nanoClock = Objects.requireNonNull(value, "nanoClock");
            return this;
        }

        /**
         * Sets how many eviction reports are kept for {@link Reassembler#drainEvicted()}; older
         * ones are only counted.
         *
         * @param value how many eviction reports to keep until drained, at least 0 (default 1024)
         * @return this builder
         */
        public Builder maxEvictionReports(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxEvictionReports must not be negative, got " + value);
            }
            this.maxEvictionReports = value;
            return this;
        }

        /** {@return a new, empty reassembler with these settings; the builder can build more} */
        public Reassembler build() {
            return new Reassembler(this);
        }
    }

    /** The outcome of offering a part. */
    public sealed interface Result permits Completed, Pending, Duplicate, Rejected {
    }

    /**
     * The message is complete.
     *
     * @param text       the decoded text (for binary data the lossless view {@link TextCodec#BINARY} gives)
     * @param bytes      the joined user data without UDHs; for packed GSM the unpacked septets, one per octet
     * @param dataCoding the data_coding of the first part
     * @param reference  the concatenation reference (0 for a message that was not concatenated)
     * @param total      the number of parts joined
     */
    public record Completed(String text, byte[] bytes, int dataCoding, int reference, int total) implements Result {

        /**
         * Copies the array.
         *
         * @param text       the decoded text
         * @param bytes      the joined user data
         * @param dataCoding the data_coding of the first part
         * @param reference  the concatenation reference
         * @param total      the number of parts joined
         */
        public Completed {
            Objects.requireNonNull(text, "text");
            bytes = bytes.clone();
        }

        /** @return a copy of the joined octets */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Completed c && c.text.equals(text) && Arrays.equals(c.bytes, bytes)
                    && c.dataCoding == dataCoding && c.reference == reference && c.total == total;
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, Arrays.hashCode(bytes), dataCoding, reference, total);
        }

        @Override
        public String toString() {
            return "Completed[" + total + " part(s), ref=" + reference + ", data_coding=" + dataCoding
                    + ", text=" + text + "]";
        }
    }

    /**
     * The part was stored; more are needed.
     *
     * @param received parts held so far for this message
     * @param total    parts expected
     */
    public record Pending(int received, int total) implements Result {
    }

    /**
     * This part had already been received, either for the pending message or, with identical
     * content, for a recently completed one; the new copy was ignored.
     *
     * @param partNumber the repeated part number
     */
    public record Duplicate(int partNumber) implements Result {
    }

    /**
     * The part was not accepted because its numbering is invalid or its header malformed.
     *
     * @param reason why, for logs
     */
    public record Rejected(String reason) implements Result {
    }

    /**
     * A message given up before all its parts arrived.
     *
     * @param source      its source address
     * @param destination its destination address
     * @param reference   its concatenation reference
     * @param total       the parts it should have had
     * @param received    the parts that did arrive
     * @param reason      why it was given up
     */
    public record Evicted(String source, String destination, int reference, int total, int received, Reason reason) {

        /** Why a message was evicted. */
        public enum Reason {
            /** It was still incomplete when the timeout elapsed. */
            EXPIRED,
            /** The store was full and this was the oldest incomplete message. */
            CAPACITY
        }
    }
}
