package io.smppex.robustness.esme;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.ResponseTimeoutException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.internal.Pipelines;
import io.smppex.internal.SessionEngine;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.robustness.support.LeakCheck;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whether a response that comes after the response limit is late depends on the clock, not on
 * which of two due events the event loop happens to run first. Found by the soak: with the event
 * loop busy past a deadline (GC, two shared cores), a response read after the deadline still
 * completed its request. Reproduced deterministically here on an EmbeddedChannel, whose clock the
 * test moves: the deadline passes while the loop is "busy", then the response and the expiry are
 * both due.
 */
@Timeout(30)
@ExtendWith(LeakCheck.class)
class ResponseDeadlineTest {
    private static final PduCodec CODEC = PduCodec.defaults();
    private static final SessionOptions OPTIONS = SessionOptions.builder().responseLimit(Duration.ofSeconds(1))
            .enforceBindState(false).enquireLinkLimit(Duration.ZERO).sessionInitLimit(Duration.ZERO).build();

    private record Sent(EmbeddedChannel channel, CompletableFuture<SubmitSmResp> future, SubmitSm request) {
    }

    private static Sent sendOne() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        SessionEngine engine = new SessionEngine(SessionRole.ESME, new SessionHandler() {
        }, OPTIONS, null);
        Pipelines.configure(ch.pipeline(), null, OPTIONS, engine);
        var f = engine.send(PduFactory.submitSm("Shop", "447700900123", "x"));
        ch.runPendingTasks();
        ByteBuf out = ch.readOutbound();
        byte[] octets = new byte[out.readableBytes()];
        out.readBytes(octets);
        out.release();
        return new Sent(ch, f, (SubmitSm) CODEC.decode(octets));
    }

    private static ByteBuf responseTo(SubmitSm request) {
        return Unpooled.wrappedBuffer(CODEC.encode(request.respond().messageId("late").build()
                .withSequenceNumber(request.sequenceNumber())));
    }

    /** The usual order: the expiry runs at the deadline, the later response is dropped. */
    @Test
    void responseAfterTheExpiryRanIsDropped() {
        Sent s = sendOne();
        s.channel().advanceTimeBy(2, TimeUnit.SECONDS);
        s.channel().runScheduledPendingTasks();
        assertThat(s.future()).isCompletedExceptionally();
        s.channel().writeInbound(responseTo(s.request()));
        s.channel().runPendingTasks();
        assertThat(s.future().handle((r, e) -> e).join()).isInstanceOf(ResponseTimeoutException.class);
        s.channel().finishAndReleaseAll();
    }

    /**
     * The loop was busy at the deadline: when it gets to work, the response (I/O) is handled before
     * the due expiry task, and the request completes with a response that came a second after its
     * limit. Expected: the deadline decides; the engine has it (PendingRequest.deadline) and could
     * check it when the response arrives (SessionEngine.onResponse).
     */
    @Test
    void responseReadAfterTheDeadlineIsLateEvenIfTheExpiryHasNotRunYet() {
        Sent s = sendOne();
        s.channel().advanceTimeBy(2, TimeUnit.SECONDS);
        s.channel().writeInbound(responseTo(s.request()));
        s.channel().runPendingTasks();
        s.channel().runScheduledPendingTasks();
        try {
            assertThat(s.future().handle((r, e) -> e).join()).isInstanceOf(ResponseTimeoutException.class);
        } finally {
            s.channel().finishAndReleaseAll();
        }
    }
}
