package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static io.smppex.internal.SessionEngineWindowTest.failure;
import static io.smppex.internal.SessionEngineWindowTest.ok;
import static io.smppex.internal.SessionEngineWindowTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SessionClosedException;
import io.smppex.SessionOptions;
import io.smppex.SessionState;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * SMPPEX's lost_pdus: however a session ends, every request that will never be answered is
 * reported to onStop exactly once, in the order it was sent, and its future fails exactly once.
 */
class SessionEngineLostPduTest {
    private static final int WINDOW = 3;
    private static final int QUEUED = 2;

    /** A bound ESME with WINDOW requests written and unanswered and QUEUED more waiting behind them. */
    private static final class Loaded {
        final EngineHarness h;
        final List<CompletableFuture<SubmitSmResp>> futures = new ArrayList<>();
        final List<Pdu> written;
        final AtomicInteger completions = new AtomicInteger();

        Loaded(SessionOptions.Builder options) {
            h = EngineHarness.boundEsme(BindMode.TRANSMITTER, options.windowSize(WINDOW).build());
            // One answered request first, so "lost" cannot simply mean "everything ever sent".
            h.engine.send(submit("answered"));
            h.receive(ok(h.writtenOne()));
            for (int i = 0; i < WINDOW + QUEUED; i++) {
                var f = h.engine.send(submit("m" + i));
                f.whenComplete((r, e) -> completions.incrementAndGet());
                futures.add(f);
            }
            written = h.written();
            assertThat(texts(written)).containsExactly("m0", "m1", "m2");
            assertThat(h.engine.pendingCount()).isEqualTo(WINDOW);
            assertThat(h.engine.queuedCount()).isEqualTo(QUEUED);
        }

        Loaded() {
            this(quiet());
        }

        /** The checks every way of ending shares. */
        void assertAllLost(StopReason.Kind kind) {
            assertThat(h.handler.stops).as("onStop exactly once").hasSize(1);
            RecordingHandler.Stop stop = h.handler.stops.get(0);
            assertThat(stop.reason().kind()).isEqualTo(kind);
            // Sent ones exactly as written (numbered), then queued ones as given, all in send order.
            assertThat(texts(stop.lost())).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(stop.lost().subList(0, WINDOW)).isEqualTo(written);
            for (var f : futures) {
                Throwable t = failure(f);
                assertThat(t).isInstanceOf(SessionClosedException.class);
                assertThat(((SessionClosedException) t).reason().kind()).isEqualTo(kind);
            }
            assertThat(completions).as("each future completes once").hasValue(WINDOW + QUEUED);
            assertThat(h.engine.closeFuture()).isCompleted();
            assertThat(h.engine.pendingCount()).isZero();
            assertThat(h.engine.queuedCount()).isZero();
            assertThat(h.engine.stopReason()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(kind));
            assertThat(h.open()).isFalse();
            assertThat(h.state()).isEqualTo(SessionState.CLOSED);

            // Nothing afterwards changes the outcome: not the clock (timers were cancelled)...
            h.advance(Duration.ofMinutes(10));
            assertThat(h.handler.timeouts).isEmpty();
            // ...nor a response arriving late (delivered straight to the engine: the pipeline is gone).
            int responses = h.handler.responses.size();
            h.engine.channelRead(h.ctx, ok(written.get(0)));
            assertThat(h.handler.responses).hasSize(responses);
            assertThat(h.handler.stops).hasSize(1);
            assertThat(completions).hasValue(WINDOW + QUEUED);
            assertThat(failure(futures.get(0))).isInstanceOf(SessionClosedException.class);
        }
    }

    @Test
    void peerClosingTheConnectionLosesEverythingOutstanding() {
        Loaded l = new Loaded();
        l.h.channel.close();
        l.h.settle();
        l.assertAllLost(StopReason.Kind.PEER_CLOSED);
        assertThat(l.h.handler.socketClosed).isEqualTo(1);
    }

    @Test
    void channelInactiveAloneIsEnoughToEndTheSession() {
        Loaded l = new Loaded();
        // The transport reports the connection gone without our close(): the engine must still account.
        l.h.channel.pipeline().fireChannelInactive();
        l.h.settle();
        l.assertAllLost(StopReason.Kind.PEER_CLOSED);
        assertThat(l.h.handler.socketClosed).isEqualTo(1);
    }

    @Test
    void closeLosesEverythingOutstanding() {
        Loaded l = new Loaded();
        CompletableFuture<Void> done = l.h.engine.close();
        l.h.settle();
        assertThat(done).isCompleted();
        l.assertAllLost(StopReason.Kind.LOCAL);
        assertThat(l.h.handler.socketClosed).as("we closed it, the peer did not").isZero();
        assertThat(l.h.written()).as("close writes nothing").isEmpty();
    }

    @Test
    void stopWithoutUnbindRespLosesEverythingOutstandingButTheUnbind() {
        Loaded l = new Loaded(quiet().unbindResponseLimit(Duration.ofSeconds(5)));
        CompletableFuture<Void> done = l.h.engine.stop();
        Pdu unbind = l.h.writtenOne();
        assertThat(unbind.commandId()).isEqualTo(CommandId.UNBIND);
        assertThat(l.futures).noneMatch(CompletableFuture::isDone);
        // The queue is not drained into a session that is unbinding, even if a slot frees up.
        l.h.receive(ok(l.written.get(0)));
        assertThat(l.h.written()).isEmpty();
        assertThat(l.futures.get(0)).as("answered while unbinding").isCompletedWithValueMatching(Pdu::isSuccessResponse);

        l.h.advanceSeconds(5);
        assertThat(done).isCompleted();
        RecordingHandler.Stop stop = l.h.handler.stops.get(0);
        assertThat(texts(stop.lost())).containsExactly("m1", "m2", "m3", "m4");
        assertThat(stop.lost()).noneMatch(p -> p.commandId() == CommandId.UNBIND);
        assertThat(l.h.handler.stops).hasSize(1);
        for (var f : l.futures.subList(1, l.futures.size())) {
            assertThat(failure(f)).isInstanceOf(SessionClosedException.class);
        }
        assertThat(l.h.open()).isFalse();
    }

    @Test
    void unboundByThePeerLosesEverythingOutstanding() {
        Loaded l = new Loaded();
        l.h.receive(PduFactory.unbind().withSequenceNumber(500));
        assertThat(l.h.written()).extracting(Pdu::commandId).containsExactly(CommandId.UNBIND_RESP);
        l.assertAllLost(StopReason.Kind.UNBOUND_BY_PEER);
    }

    @Test
    void theLostListIsImmutableAndTheFuturesFailAfterOnStopRuns() {
        Loaded l = new Loaded();
        List<Boolean> doneDuringOnStop = new ArrayList<>();
        l.h.handler.finals = lost -> {
            l.futures.forEach(f -> doneDuringOnStop.add(f.isDone()));
            return List.of();
        };
        l.h.engine.close();
        l.h.settle();
        // onStop sees the requests before their futures fail, so it can resend them first.
        assertThat(doneDuringOnStop).containsOnly(false).hasSize(WINDOW + QUEUED);
        List<Pdu> lost = l.h.handler.stops.get(0).lost();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lost.add(submit("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lostRequestsAreInSendOrderEvenWithoutAResponseLimit() {
        // Numbers 6..9 land in slots 6, 7, 0, 1 of the 8-slot table a window of 4 gets.
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().responseLimit(Duration.ZERO).windowSize(4).initialSequenceNumber(5).build());
        for (int i = 0; i < 4; i++) {
            h.engine.send(submit("m" + i));
        }
        assertThat(h.written()).extracting(Pdu::sequenceNumber).containsExactly(6, 7, 8, 9);
        h.engine.close();
        h.settle();
        assertThat(texts(h.handler.stops.get(0).lost())).containsExactly("m0", "m1", "m2", "m3");
    }

    // ------------------------------------------------------------------ PDUs returned by onStop

    @Test
    void pdusReturnedFromOnStopAreWrittenBeforeTheConnectionCloses() {
        Loaded l = new Loaded();
        l.h.handler.finals = lost -> List.of(PduFactory.unbind(),
                PduFactory.genericNack(CommandStatus.ESME_RSYSERR, 77));
        l.h.engine.close();
        List<Pdu> out = l.h.written();
        assertThat(out).extracting(Pdu::commandId).containsExactly(CommandId.UNBIND, CommandId.GENERIC_NACK);
        // A request is numbered afresh (not 0, not a lost request's number); a response is written as given.
        assertThat(out.get(0).sequenceNumber()).isPositive()
                .isNotIn(l.written.stream().map(Pdu::sequenceNumber).toArray());
        assertThat(out.get(1).sequenceNumber()).isEqualTo(77);
        // An embedded channel refuses writes once closed, so seeing them means they went first.
        assertThat(l.h.open()).isFalse();
        l.assertAllLost(StopReason.Kind.LOCAL);
    }

    @Test
    void pdusReturnedFromOnStopAreDroppedWhenTheConnectionIsAlreadyGone() {
        Loaded l = new Loaded();
        l.h.handler.finals = lost -> List.of(PduFactory.unbind());
        l.h.channel.close();
        l.h.settle();
        assertThat(l.h.written()).isEmpty();
        assertThat(l.h.handler.stops).hasSize(1);
    }

    @Test
    void finalPdusAfterAPeerUnbindFollowTheUnbindResp() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().build());
        h.handler.finals = lost -> List.of(PduFactory.enquireLink());
        h.receive(PduFactory.unbind().withSequenceNumber(9));
        assertThat(h.written()).extracting(Pdu::commandId)
                .containsExactly(CommandId.UNBIND_RESP, CommandId.ENQUIRE_LINK);
        assertThat(h.open()).isFalse();
    }

    // ------------------------------------------------------------------ ending twice

    @Test
    void endingTwiceReportsOnce() {
        for (Consumer<EngineHarness> second : List.<Consumer<EngineHarness>>of(
                x -> x.engine.close(), x -> x.engine.stop(), x -> x.channel.close(),
                x -> x.channel.pipeline().fireChannelInactive())) {
            Loaded l = new Loaded();
            l.h.engine.close();
            l.h.settle();
            second.accept(l.h);
            l.h.settle();
            assertThat(l.h.handler.stops).hasSize(1);
            assertThat(l.completions).hasValue(WINDOW + QUEUED);
        }
    }

    @Test
    void sendAfterTheEndFailsAtOnce() {
        Loaded l = new Loaded();
        l.h.engine.close();
        l.h.settle();
        Throwable t = failure(l.h.engine.send(submit("too late")));
        assertThat(t).isInstanceOf(SessionClosedException.class);
        assertThat(((SessionClosedException) t).reason().kind()).isEqualTo(StopReason.Kind.LOCAL);
        assertThat(l.h.handler.stops.get(0).lost()).hasSize(WINDOW + QUEUED);
    }

    @Test
    void connectionErrorLosesEverythingOutstanding() {
        Loaded l = new Loaded();
        java.io.IOException reset = new java.io.IOException("Connection reset by peer");
        l.h.channel.pipeline().fireExceptionCaught(reset);
        l.h.settle();
        assertThat(l.h.handler.socketErrors).containsExactly(reset);
        assertThat(l.h.handler.stops.get(0).reason().cause()).isSameAs(reset);
        l.assertAllLost(StopReason.Kind.SOCKET_ERROR);
    }

    @Test
    void onStopThatThrowsStillFailsTheFuturesAndCloses() {
        Loaded l = new Loaded();
        l.h.handler.finals = lost -> {
            throw new IllegalStateException("application bug");
        };
        l.h.engine.close();
        l.h.settle();
        l.assertAllLost(StopReason.Kind.LOCAL);
    }
}
