package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.smppex.SessionClosedException;
import io.smppex.SessionOptions.WindowFullPolicy;
import io.smppex.WindowFullException;
import io.smppex.WriteFailedException;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The window of outstanding requests and the bounded queue behind it (reference §10.4). */
class SessionEngineWindowTest {

    static String text(Pdu p) {
        return new String(((SubmitSm) p).shortMessage(), StandardCharsets.ISO_8859_1);
    }

    static List<String> texts(List<Pdu> pdus) {
        List<String> out = new ArrayList<>();
        for (Pdu p : pdus) {
            out.add(text(p));
        }
        return out;
    }

    static Pdu ok(Pdu request) {
        return PduFactory.submitSmResp(CommandStatus.ESME_ROK, "id-" + request.sequenceNumber())
                .withSequenceNumber(request.sequenceNumber());
    }

    static Throwable failure(CompletableFuture<?> f) {
        assertThat(f).as("completed").isDone();
        try {
            f.get();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("completed normally");
    }

    @Test
    void nRequestsAreWrittenAndTheNextWaits() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(3).build());
        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fs.add(h.engine.send(submit("m" + i)));
        }
        List<Pdu> out = h.written();
        assertThat(texts(out)).containsExactly("m0", "m1", "m2");
        assertThat(h.engine.pendingCount()).isEqualTo(3);
        assertThat(h.engine.queuedCount()).isEqualTo(1);
        assertThat(fs.get(3)).isNotDone();

        // Any response frees a slot, not only the oldest's.
        h.receive(ok(out.get(1)));
        assertThat(fs.get(1)).isCompleted();
        List<Pdu> next = h.written();
        assertThat(texts(next)).containsExactly("m3");
        assertThat(h.engine.pendingCount()).isEqualTo(3);
        assertThat(h.engine.queuedCount()).isZero();
    }

    @Test
    void failPolicyRefusesAtOnceWhenTheWindowIsFull() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().windowSize(2).windowFullPolicy(WindowFullPolicy.FAIL).build());
        var a = h.engine.send(submit("a"));
        var b = h.engine.send(submit("b"));
        var c = h.engine.send(submit("c"));
        assertThat(failure(c)).isInstanceOf(WindowFullException.class);
        assertThat(texts(h.written())).containsExactly("a", "b");
        assertThat(h.engine.queuedCount()).isZero();
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();
    }

    @Test
    void queuePolicyRefusesOnceTheQueueIsFull() {
        int n = 2;
        int m = 3;
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                quiet().windowSize(n).windowFullPolicy(WindowFullPolicy.QUEUE).maxQueued(m).build());
        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < n + m; i++) {
            fs.add(h.engine.send(submit("m" + i)));
        }
        assertThat(fs).noneMatch(CompletableFuture::isDone);
        var overflow = h.engine.send(submit("overflow"));
        assertThat(failure(overflow)).isInstanceOf(WindowFullException.class);
        assertThat(h.engine.pendingCount()).isEqualTo(n);
        assertThat(h.engine.queuedCount()).isEqualTo(m);
        assertThat(texts(h.written())).containsExactly("m0", "m1");
    }

    @Test
    void queuedRequestsAreSentInOrderAsSlotsFree() throws Exception {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(2).build());
        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            fs.add(h.engine.send(submit("m" + i)));
        }
        List<Pdu> sent = new ArrayList<>(h.written());
        // Answer newest-first so the release order differs from the send order.
        while (sent.size() < 7 || h.engine.pendingCount() > 0) {
            Pdu newest = null;
            for (Pdu p : sent) {
                var f = fs.get(Integer.parseInt(text(p).substring(1)));
                if (!f.isDone()) {
                    newest = p;
                }
            }
            h.receive(ok(newest));
            sent.addAll(h.written());
        }
        assertThat(texts(sent)).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        for (int i = 0; i < 7; i++) {
            Pdu resp = fs.get(i).get();
            // Every future got the response to its own request.
            assertThat(resp.sequenceNumber()).isEqualTo(sent.get(i).sequenceNumber());
        }
    }

    @Test
    void maxQueuedZeroMeansNoQueue() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(1).maxQueued(0).build());
        h.engine.send(submit("a"));
        assertThat(failure(h.engine.send(submit("b")))).isInstanceOf(WindowFullException.class);
    }

    @Test
    void queuedRequestsFailWhenTheSessionEnds() {
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(1).build());
        h.engine.send(submit("a"));
        var queued = h.engine.send(submit("b"));
        h.written();
        h.engine.close();
        h.settle();
        assertThat(failure(queued)).isInstanceOf(SessionClosedException.class);
        assertThat(h.handler.stops).hasSize(1);
        assertThat(texts(h.handler.stops.get(0).lost())).containsExactly("a", "b");
    }

    /**
     * Fails writes of one command when they are flushed, as a socket does when a write fails on
     * its way out (a synchronous failure at write() would be noticed before the window fills).
     */
    static class FailOnFlush extends ChannelOutboundHandlerAdapter {
        private final List<ChannelPromise> held = new ArrayList<>();
        private final io.smppex.pdu.field.CommandId victim;
        boolean armed = true;
        /** Fail only the first matching write, then let everything through. */
        boolean once;

        FailOnFlush(io.smppex.pdu.field.CommandId victim) {
            this.victim = victim;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            io.netty.buffer.ByteBuf b = (io.netty.buffer.ByteBuf) msg;
            boolean hit = b.readableBytes() >= 8 && b.getInt(b.readerIndex() + 4) == victim.id();
            if (armed && hit) {
                held.add(promise);
                ReferenceCountUtil.release(msg);
                if (once) {
                    armed = false;
                }
            } else {
                ctx.write(msg, promise);
            }
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            List<ChannelPromise> fail = new ArrayList<>(held);
            held.clear();
            for (ChannelPromise p : fail) {
                p.setFailure(new IOException("simulated write failure"));
            }
            ctx.flush();
        }
    }

    static final class FailSubmitsOnFlush extends FailOnFlush {
        FailSubmitsOnFlush() {
            super(io.smppex.pdu.field.CommandId.SUBMIT_SM);
        }
    }

    @Test
    void aFailedWriteFailsItsRequestAndFreesItsSlot() {
        FailSubmitsOnFlush failing = new FailSubmitsOnFlush();
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(1).build(), failing);
        var a = h.engine.send(submit("a"));
        h.written();
        assertThat(failure(a)).isInstanceOf(WriteFailedException.class);
        assertThat(h.engine.pendingCount()).isZero();

        failing.armed = false;
        var b = h.engine.send(submit("b"));
        assertThat(texts(h.written())).containsExactly("b");
        assertThat(b).isNotDone();
        // The failed request is not also reported as timed out later.
        h.advanceSeconds(120);
        assertThat(h.handler.timeouts).extracting(SessionEngineWindowTest::text).containsExactly("b");
    }

    @Test
    void aFailedWriteLetsTheNextQueuedRequestGo() {
        FailSubmitsOnFlush failing = new FailSubmitsOnFlush();
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, quiet().windowSize(1).build(), failing);
        failing.once = true; // only the write carrying a fails
        var a = h.engine.send(submit("a"));
        var b = h.engine.send(submit("b"));
        assertThat(h.engine.queuedCount()).isEqualTo(1);
        List<Pdu> out = h.written();
        assertThat(failure(a)).isInstanceOf(WriteFailedException.class);
        assertThat(h.engine.queuedCount()).as("b left the queue").isZero();
        assertThat(texts(out)).containsExactly("b");
        assertThat(b).isNotDone();
    }
}
