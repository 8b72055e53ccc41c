package io.smppex.internal;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.smppex.pdu.Pdu;
import java.util.concurrent.CompletableFuture;

/**
 * One request of ours: its own future, a node in the session's list of outstanding requests in
 * send order, and the listener of its write. Being all three saves allocations per request.
 */
final class PendingRequest extends CompletableFuture<Pdu> implements ChannelFutureListener {
    /** The request as sent, sequence number included (before sending: as the user gave it). */
    Pdu pdu;
    /** When the response is due, in the event loop's ticker time; meaningful when {@link #timed}. */
    long deadline;
    boolean timed;
    /** Not on the shared response limit: binds, unbinds and automatic enquire_links have their own. */
    boolean special;
    /** Made by the engine itself (automatic enquire_link, graceful-stop unbind): no window slot, never "lost". */
    boolean internal;
    PendingRequest prev;
    PendingRequest next;
    boolean linked;
    /** Set when written, so the write result finds its way back without a lambda per request. */
    SessionEngine owner;

    PendingRequest(Pdu pdu) {
        this.pdu = pdu;
    }

    @Override
    public void operationComplete(ChannelFuture future) {
        owner.onRequestWritten(this, future);
    }
}
