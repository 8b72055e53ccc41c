package io.smppex.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.smppex.SessionClosedException;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a session, once its engine has decided on it: every request still in flight or queued
 * is reported lost to onStop (the engine's own are not news to anyone) and then fails with
 * {@link SessionClosedException}; further sends are refused; the handler's final PDUs go out and
 * the connection closes. The engine makes sure this runs once. Confined to the session's event loop.
 */
final class SessionEnd {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    private final String id;
    private final Guarded calls;
    private final FlowControl flow;
    private final Outbound out;
    private final BindState bind;
    private final CompletableFuture<Void> closeFuture;
    private ChannelHandlerContext ctx;
    private InFlight inFlight;

    SessionEnd(String id, Guarded calls, FlowControl flow, Outbound out, BindState bind,
               CompletableFuture<Void> closeFuture) {
        this.id = id;
        this.calls = calls;
        this.flow = flow;
        this.out = out;
        this.bind = bind;
        this.closeFuture = closeFuture;
    }

    void attach(ChannelHandlerContext ctx, InFlight inFlight) {
        this.ctx = ctx;
        this.inFlight = inFlight;
    }

    void run(StopReason reason) {
        SessionClosedException closed = new SessionClosedException(reason);
        flow.close(closed);
        List<PendingRequest> left = inFlight.drain();
        flow.drainQueue(left);
        List<Pdu> lost = lost(left);
        if (expected(reason.kind())) {
            log.info("{}: session ended: {}; {} request(s) lost", id, reason, lost.size());
        } else {
            log.warn("{}: session ended: {}; {} request(s) lost", id, reason, lost.size());
        }
        // onStop hears of the lost requests before their futures fail, as the observer hears of each.
        List<Pdu> finals = calls.onStop(reason, lost);
        for (PendingRequest p : left) {
            p.completeExceptionally(closed);
        }
        calls.sessionClosed(reason);
        WriteBatch batch = out.batch();
        if (ctx.channel().isActive()) {
            finals.forEach(out::last);
            batch.flush();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            if (!finals.isEmpty()) {
                log.debug("{}: {} final PDU(s) not sent: the connection is already closed", id, finals.size());
            }
            batch.drop();
            bind.state = SessionState.CLOSED;
            closeFuture.complete(null);
        }
    }

    /**
     * The requests onStop hears of as lost, as sent and in send order: the application's that have
     * not completed otherwise (a caller may have cancelled one). The engine's own are left out.
     */
    static List<Pdu> lost(List<PendingRequest> left) {
        List<Pdu> lost = new ArrayList<>(left.size());
        for (PendingRequest p : left) {
            if (!p.isDone() && !p.internal) {
                lost.add(p.request());
            }
        }
        return List.copyOf(lost);
    }

    /**
     * Whether an end of this kind is expected and logs at info rather than warn: asked for on
     * either side, or a failed bind (the connect's failure too, and whoever connected hears of it
     * there).
     */
    static boolean expected(StopReason.Kind k) {
        return k == StopReason.Kind.LOCAL || k == StopReason.Kind.UNBOUND_BY_PEER || k == StopReason.Kind.SHUTDOWN
                || k == StopReason.Kind.BIND_FAILED;
    }
}
