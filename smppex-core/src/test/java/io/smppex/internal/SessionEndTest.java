package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.SessionClosedException;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The end of a session, on an embedded channel with a recording handler. */
class SessionEndTest {
    private final SessionOptions opts = SessionOptions.defaults();
    private final RecordingHandler handler = new RecordingHandler();
    /** Only the Session the handler is called with, and the owner of the requests; never attached. */
    private final SessionEngine session = new SessionEngine(SessionRole.ESME, new RecordingHandler(), opts, null);
    private final Guarded calls = new Guarded(session, "test", handler, null);
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final InFlight inFlight = new InFlight(4, 1, 0, channel.eventLoop(), null);
    private final Outbound out = new Outbound("test", opts, calls, new IdleTimers(0, 0, 0), () -> { });
    private final BindState bind = new BindState();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final SessionEnd end = new SessionEnd("test", calls, new FlowControl(opts), out, bind, closed);

    SessionEndTest() {
        ChannelHandlerContext ctx = channel.pipeline().firstContext();
        out.attach(ctx, inFlight);
        end.attach(ctx, inFlight);
    }

    private PendingRequest sent(Pdu request, boolean internal) {
        PendingRequest p = new PendingRequest(request, session);
        p.internal = internal;
        p.seq = inFlight.nextSequence();
        inFlight.add(p, internal ? InFlight.ENQUIRE_LINK : InFlight.REGULAR, 0, 0);
        return p;
    }

    @Test
    void onlyTheApplicationsUnfinishedRequestsAreLostAsSentAndInOrder() {
        PendingRequest a = sent(EngineHarness.submit("a"), false);
        PendingRequest own = sent(PduFactory.enquireLink(), true);
        PendingRequest cancelled = sent(EngineHarness.submit("c"), false);
        PendingRequest b = sent(EngineHarness.submit("b"), false);
        cancelled.cancel(false);
        List<Pdu> lost = SessionEnd.lost(List.of(a, own, cancelled, b));
        assertThat(lost).extracting(Pdu::sequenceNumber).containsExactly(a.seq, b.seq);
    }

    @Test
    void endsAskedForOrAFailedBindAreExpectedAndOthersAreNot() {
        assertThat(SessionEnd.expected(StopReason.Kind.LOCAL)).isTrue();
        assertThat(SessionEnd.expected(StopReason.Kind.UNBOUND_BY_PEER)).isTrue();
        assertThat(SessionEnd.expected(StopReason.Kind.SHUTDOWN)).isTrue();
        assertThat(SessionEnd.expected(StopReason.Kind.BIND_FAILED)).isTrue();
        assertThat(SessionEnd.expected(StopReason.Kind.PEER_CLOSED)).isFalse();
        assertThat(SessionEnd.expected(StopReason.Kind.ENQUIRE_LINK_TIMEOUT)).isFalse();
        assertThat(SessionEnd.expected(StopReason.Kind.FRAMING_ERROR)).isFalse();
    }

    @Test
    void onStopHearsOfTheLostBeforeTheyFailThenTheFinalPdusGoOutAndTheConnectionCloses() {
        PendingRequest a = sent(EngineHarness.submit("a"), false);
        PendingRequest own = sent(PduFactory.enquireLink(), true);
        handler.finals = lost -> {
            assertThat(a).as("not failed yet when onStop runs").isNotDone();
            return List.of(PduFactory.unbind());
        };
        end.run(StopReason.of(StopReason.Kind.LOCAL, "test"));

        assertThat(handler.stops).singleElement().satisfies(s -> assertThat(s.lost()).hasSize(1));
        assertThat(a.handle((r, t) -> t).join()).isInstanceOf(SessionClosedException.class);
        assertThat(own.handle((r, t) -> t).join()).isInstanceOf(SessionClosedException.class);
        assertThat(inFlight.count()).isZero();
        channel.runPendingTasks();
        ByteBuf unbind = channel.readOutbound();
        assertThat(unbind).as("the final unbind was written").isNotNull();
        assertThat(unbind.getInt(4)).isEqualTo(0x00000006);
        unbind.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void onAConnectionAlreadyClosedTheSessionIsClosedAtOnceAndFinalPdusAreDropped() {
        channel.close();
        handler.finals = lost -> List.of(PduFactory.unbind());
        end.run(StopReason.of(StopReason.Kind.PEER_CLOSED, "gone"));
        assertThat(closed).isCompleted();
        assertThat(bind.state).isEqualTo(SessionState.CLOSED);
        assertThat((Object) channel.readOutbound()).isNull();
    }
}
