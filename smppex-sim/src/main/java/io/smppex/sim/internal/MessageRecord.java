package io.smppex.sim.internal;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.Message;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One journaled message, mutable, guarded by the journal's lock. Kept small on purpose (the goal is
 * under 1 KB per message at 100,000): times are epoch milliseconds, the octets of all PDUs of one
 * direction share one array, and the planning fields are dropped once the message is final.
 */
final class MessageRecord {
    final String id;
    /** Part ids in part order for a long message (null slots for parts not yet in); null for one part. */
    String[] partIds;
    final CommandId command;
    final String systemId;
    final String sessionId;
    final String serviceType;
    final Address source;
    final Address destination;
    String text;
    int dataCoding;
    int parts = 1;
    int partsReceived = 1;
    int registeredDelivery;
    MessageState state = MessageState.ENROUTE;
    int errorCode;
    final long submitMillis;
    long scheduledMillis = -1;
    long validUntilMillis = -1;
    long finalMillis = -1;
    int receiptsSent;
    int receiptsAcked;
    byte[] in = EMPTY;
    byte[] out = EMPTY;
    /** The next destination of the same submit_multi, sharing {@link #id}. */
    MessageRecord nextInGroup;

    // Planning, until final.
    MessageState plannedOutcome;
    boolean noReceipt;
    /** Waits for sendReceipt instead of a timer. */
    boolean held;
    ScheduledFuture<?> timer;
    String[] partTexts;

    static final byte[] EMPTY = new byte[0];

    MessageRecord(String id, CommandId command, String systemId, String sessionId, String serviceType, Address source,
                  Address destination, long submitMillis) {
        this.id = id;
        this.command = command;
        this.systemId = systemId;
        this.sessionId = sessionId;
        this.serviceType = serviceType == null ? "" : serviceType;
        this.source = source;
        this.destination = destination;
        this.submitMillis = submitMillis;
    }

    void appendIn(byte[] octets) {
        if (octets != null) {
            in = concat(in, octets);
        }
    }

    void appendOut(byte[] octets) {
        if (octets != null) {
            out = concat(out, octets);
        }
    }

    // Copy on append, so a Message snapshot can share the previous array without copying it.
    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    List<String> partIdList() {
        if (partIds == null) {
            return List.of(id);
        }
        return Arrays.stream(partIds).filter(p -> p != null).toList();
    }

    int groupSize() {
        int n = 0;
        for (MessageRecord r = this; r != null; r = r.nextInGroup) {
            n++;
        }
        return n;
    }

    Message toMessage() {
        return Message.builder().id(id).partIds(partIdList()).command(command).systemId(systemId).sessionId(sessionId)
                .serviceType(serviceType).source(source).destination(destination).text(text).dataCoding(dataCoding)
                .parts(parts, partsReceived).registeredDelivery(registeredDelivery).state(state).errorCode(errorCode)
                .submitTime(Instant.ofEpochMilli(submitMillis))
                .scheduledTime(scheduledMillis < 0 ? null : Instant.ofEpochMilli(scheduledMillis))
                .validUntil(validUntilMillis < 0 ? null : Instant.ofEpochMilli(validUntilMillis))
                .finalTime(finalMillis < 0 ? null : Instant.ofEpochMilli(finalMillis))
                .receipts(receiptsSent, receiptsAcked).octets(in, out).build();
    }
}
