package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static io.smppex.internal.SessionEngineWindowTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.smppex.Session;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Flow control in both directions and write batching: an unwritable channel holds new requests
 * back and stops reading; too many unanswered incoming requests stop reading; and writes made in
 * one pass of the event loop leave in one flush.
 */
class SessionEngineFlowTest {

    /**
     * Counts flushes on their way to the socket, holding writes back until the flush that sends them.
     *
     * <p>Holding them matters: an EmbeddedChannel runs its pending tasks after every write that
     * reaches it, so the engine's deferred flush task would run in the middle of the next send,
     * something a real event loop never does within one task. With the writes held here the loop
     * only runs tasks when the test says so, as a real one would between passes.
     */
    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;
        private final List<Object> heldMessages = new ArrayList<>();
        private final List<ChannelPromise> heldPromises = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            heldMessages.add(msg);
            heldPromises.add(promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            List<Object> msgs = new ArrayList<>(heldMessages);
            List<ChannelPromise> promises = new ArrayList<>(heldPromises);
            heldMessages.clear();
            heldPromises.clear();
            for (int i = 0; i < msgs.size(); i++) {
                ctx.write(msgs.get(i), promises.get(i));
            }
            ctx.flush();
        }
    }

    private static void setWritable(EngineHarness h, boolean writable) {
        // A user-defined writability bit flips isWritable() and fires channelWritabilityChanged, as a full socket buffer would.
        h.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, writable);
        // Becoming writable is announced from a task, as Netty does; let it run.
        h.settle();
    }

    // ------------------------------------------------------------------ outbound backpressure

    @Test
    void unwritableChannelQueuesNewSendsAndPausesReading() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build());
        assertThat(h.channel.config().isAutoRead()).isTrue();

        setWritable(h, false);
        assertThat(h.channel.config().isAutoRead()).as("reading paused with writing").isFalse();

        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fs.add(h.engine.send(submit("m" + i)));
        }
        assertThat(h.written()).isEmpty();
        assertThat(h.engine.queuedCount()).isEqualTo(3);
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(fs).noneMatch(CompletableFuture::isDone);

        setWritable(h, true);
        assertThat(texts(h.written())).containsExactly("m0", "m1", "m2");
        assertThat(h.engine.queuedCount()).isZero();
        assertThat(h.engine.pendingCount()).isEqualTo(3);
        assertThat(h.channel.config().isAutoRead()).isTrue();
    }

    @Test
    void responsesStillGoOutWhileUnwritable() {
        // Backpressure holds back our requests, not our answers to the peer's: those free the peer's window.
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build());
        Pdu s = submit("x").withSequenceNumber(5);
        h.receive(s);
        setWritable(h, false);
        h.engine.reply(s, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id"));
        assertThat(h.written()).extracting(Pdu::commandId).containsExactly(CommandId.SUBMIT_SM_RESP);
    }

    @Test
    void writeBufferHighWaterMarkTriggersTheSameBackpressure() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().writeBufferWaterMarks(1, 2).build());
        assertThat(h.channel.config().getWriteBufferHighWaterMark()).isEqualTo(2);
        assertThat(h.channel.config().getWriteBufferLowWaterMark()).isEqualTo(1);
        // Something else has put more than the high-water mark into the channel and not flushed it:
        // the channel is over its mark, so the session sends nothing new and stops reading.
        h.channel.write(io.netty.buffer.Unpooled.buffer(16).writeZero(16));
        assertThat(h.channel.isWritable()).isFalse();
        for (int i = 0; i < 3; i++) {
            h.engine.send(submit("m" + i));
        }
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.queuedCount()).isEqualTo(3);
        assertThat(h.channel.config().isAutoRead()).isFalse();

        // Once the channel drains below its low-water mark the queue goes out, in order.
        h.channel.flush();
        ((io.netty.buffer.ByteBuf) h.channel.readOutbound()).release();
        assertThat(texts(h.written())).containsExactly("m0", "m1", "m2");
        assertThat(h.engine.queuedCount()).isZero();
        assertThat(h.channel.config().isAutoRead()).isTrue();
    }

    // ------------------------------------------------------------------ inbound window

    @Test
    void unansweredIncomingRequestsPauseReadingUntilOneIsAnswered() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().inboundWindow(2).build());
        // The bind was answered, so it does not count.
        Pdu a = submit("a").withSequenceNumber(10);
        Pdu b = submit("b").withSequenceNumber(11);
        h.receive(a);
        assertThat(h.channel.config().isAutoRead()).isTrue();
        h.receive(b);
        assertThat(h.channel.config().isAutoRead()).as("two unanswered").isFalse();

        h.engine.reply(a, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "1"));
        assertThat(h.channel.config().isAutoRead()).isTrue();

        Pdu c = submit("c").withSequenceNumber(12);
        h.receive(c);
        assertThat(h.channel.config().isAutoRead()).isFalse();
        h.engine.reply(c, PduFactory.genericNack(CommandStatus.ESME_RSYSERR, 0));
        assertThat(h.channel.config().isAutoRead()).as("a generic_nack answers too").isTrue();
    }

    @Test
    void requestsTheEngineAnswersItselfDoNotCount() {
        EngineHarness h = EngineHarness.boundMc(BindMode.RECEIVER, quiet().inboundWindow(1).build());
        // enquire_link (auto-answered) and a submit from a receiver (refused) need nothing from the application.
        h.receive(PduFactory.enquireLink().withSequenceNumber(3));
        h.receive(submit("refused").withSequenceNumber(4));
        assertThat(h.written()).hasSize(2);
        assertThat(h.channel.config().isAutoRead()).isTrue();
    }

    @Test
    void readingStaysPausedWhileUnwritableEvenIfTheInboundWindowFrees() {
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().inboundWindow(1).build());
        Pdu a = submit("a").withSequenceNumber(10);
        h.receive(a);
        assertThat(h.channel.config().isAutoRead()).isFalse();
        setWritable(h, false);
        h.engine.reply(a, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "1"));
        assertThat(h.channel.config().isAutoRead()).isFalse();
        setWritable(h, true);
        assertThat(h.channel.config().isAutoRead()).isTrue();
    }

    // ------------------------------------------------------------------ flush batching

    @Test
    void sendsInOnePassShareOneFlush() {
        FlushCounter counter = new FlushCounter();
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build(), counter);
        counter.flushes = 0;
        for (int i = 0; i < 5; i++) {
            h.engine.send(submit("m" + i));
        }
        assertThat(counter.flushes).as("nothing flushed until the loop gets round to it").isZero();
        assertThat(texts(h.written())).hasSize(5);
        assertThat(counter.flushes).isEqualTo(1);
    }

    @Test
    void answersToOneReadShareOneFlush() {
        FlushCounter counter = new FlushCounter();
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build(), counter);
        h.handler.onRequestAction = (s, p) -> s.reply(p, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id"));
        counter.flushes = 0;
        h.receiveTogether(PduFactory.enquireLink().withSequenceNumber(1), submit("a").withSequenceNumber(2),
                submit("b").withSequenceNumber(3), PduFactory.enquireLink().withSequenceNumber(4));
        assertThat(h.written()).extracting(Pdu::commandId).containsExactly(CommandId.ENQUIRE_LINK_RESP,
                CommandId.SUBMIT_SM_RESP, CommandId.SUBMIT_SM_RESP, CommandId.ENQUIRE_LINK_RESP);
        assertThat(counter.flushes).isEqualTo(1);
    }

    @Test
    void requestsSentFromACallbackDuringAReadShareTheReadsFlush() {
        FlushCounter counter = new FlushCounter();
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, quiet().build(), counter);
        h.handler.onRequestAction = (Session s, Pdu p) -> {
            s.reply(p, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id"));
            s.send(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "MO"));
        };
        counter.flushes = 0;
        h.receiveTogether(submit("a").withSequenceNumber(2), submit("b").withSequenceNumber(3));
        assertThat(h.written()).extracting(Pdu::commandId).containsExactly(CommandId.SUBMIT_SM_RESP,
                CommandId.DELIVER_SM, CommandId.SUBMIT_SM_RESP, CommandId.DELIVER_SM);
        assertThat(counter.flushes).isEqualTo(1);
    }

    @Test
    void separatePassesFlushSeparately() {
        // The counter must be able to see more than one flush, or the tests above prove nothing.
        FlushCounter counter = new FlushCounter();
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSCEIVER, quiet().build(), counter);
        counter.flushes = 0;
        h.engine.send(submit("a"));
        h.settle();
        h.engine.send(submit("b"));
        h.settle();
        assertThat(counter.flushes).isEqualTo(2);
    }
}
