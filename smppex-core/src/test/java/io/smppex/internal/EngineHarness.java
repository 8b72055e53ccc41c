package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link SessionEngine} on an {@link EmbeddedChannel} with a frozen clock, behind the real
 * frame decoder. The test plays the peer: it feeds encoded PDUs in and reads what the engine wrote.
 *
 * <p>Nothing here sleeps. The embedded event loop runs tasks only when asked, and its ticker only
 * moves when {@link #advance} moves it, so every timer fires exactly when the test says.
 */
final class EngineHarness {
    static final PduCodec CODEC = PduCodec.defaults();

    final EmbeddedChannel channel;
    final SessionEngine engine;
    final RecordingHandler handler;
    final SessionOptions options;
    /** The engine's context, kept so tests can deliver a PDU after the pipeline has been torn down. */
    final ChannelHandlerContext ctx;

    private EngineHarness(SessionRole role, RecordingHandler handler, SessionOptions options, McBindHandler binds,
                          ChannelHandler... before) {
        this.handler = handler;
        this.options = options;
        channel = new EmbeddedChannel();
        // Freeze before the engine is added: it reads the clock in handlerAdded (session start).
        channel.freezeTime();
        for (ChannelHandler h : before) {
            channel.pipeline().addLast(h);
        }
        engine = new SessionEngine(role, handler, options, binds);
        Pipelines.configure(channel.pipeline(), null, options, engine);
        ctx = channel.pipeline().context(engine);
    }

    static EngineHarness esme(SessionOptions options, ChannelHandler... before) {
        return new EngineHarness(SessionRole.ESME, new RecordingHandler(), options, null, before);
    }

    static EngineHarness mc(SessionOptions options, ChannelHandler... before) {
        return new EngineHarness(SessionRole.MC, new RecordingHandler(), options, null, before);
    }

    /** Full control: a handler prepared before the session starts, and an MC bind handler (or null). */
    static EngineHarness create(SessionRole role, RecordingHandler handler, SessionOptions options, McBindHandler binds) {
        return new EngineHarness(role, handler, options, binds);
    }

    /** Options without the timers that would otherwise write enquire_links or close idle test sessions. */
    static SessionOptions.Builder quiet() {
        return SessionOptions.builder().enquireLinkLimit(Duration.ZERO).sessionInitLimit(Duration.ZERO);
    }

    /** An ESME bound in {@code mode}: its bind was written and answered with ESME_ROK. */
    static EngineHarness boundEsme(BindMode mode, SessionOptions options, ChannelHandler... before) {
        EngineHarness h = esme(options, before);
        h.engine.send(PduFactory.bind(mode, "user", "secret"));
        Pdu bind = h.writtenOne();
        assertThat(bind.isBind()).isTrue();
        h.receive(PduFactory.bindResp(mode, CommandStatus.ESME_ROK, "MC").withSequenceNumber(bind.sequenceNumber()));
        assertThat(h.engine.state().isBound()).as("ESME bound").isTrue();
        return h;
    }

    /** An MC whose peer bound in {@code mode}: the bind reached onRequest and the test answered ESME_ROK. */
    static EngineHarness boundMc(BindMode mode, SessionOptions options, ChannelHandler... before) {
        EngineHarness h = mc(options, before);
        Bind bind = PduFactory.bind(mode, "user", "secret");
        h.receive(bind.withSequenceNumber(1));
        Pdu got = h.handler.requests.get(h.handler.requests.size() - 1);
        h.engine.reply(got, PduFactory.bindResp(mode, CommandStatus.ESME_ROK, "MC"));
        Pdu resp = h.writtenOne();
        assertThat(resp.isSuccessResponse()).isTrue();
        assertThat(h.engine.state().isBound()).as("MC bound").isTrue();
        return h;
    }

    static SubmitSm submit(String text) {
        return PduFactory.submitSm("Shop", "447700900123", text);
    }

    /** Feeds each PDU as its own read. */
    void receive(Pdu... pdus) {
        for (Pdu p : pdus) {
            channel.writeInbound(Unpooled.wrappedBuffer(CODEC.encode(p)));
        }
    }

    /** Feeds all PDUs in one buffer, so the engine sees them in one read. */
    void receiveTogether(Pdu... pdus) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Pdu p : pdus) {
            all.writeBytes(CODEC.encode(p));
        }
        receiveRaw(all.toByteArray());
    }

    void receiveRaw(byte[] octets) {
        channel.writeInbound(Unpooled.wrappedBuffer(octets));
    }

    /** Runs what the event loop has pending, then decodes and releases everything written so far. */
    List<Pdu> written() {
        settle();
        List<Pdu> out = new ArrayList<>();
        for (;;) {
            ByteBuf buf = channel.readOutbound();
            if (buf == null) {
                return out;
            }
            try {
                // The engine closes with an empty write; skip it. A buffer may carry several PDUs.
                while (buf.isReadable()) {
                    int len = buf.getInt(buf.readerIndex());
                    out.add(CODEC.decode(ByteBufUtil.getBytes(buf, buf.readerIndex(), len)));
                    buf.skipBytes(len);
                }
            } finally {
                buf.release();
            }
        }
    }

    Pdu writtenOne() {
        List<Pdu> w = written();
        assertThat(w).as("PDUs written").hasSize(1);
        return w.get(0);
    }

    /**
     * Moves the frozen clock forward by {@code d}, stopping at each scheduled task's deadline on the
     * way so every timer fires at its own due time (as on a real clock), not all at the end.
     */
    void advance(Duration d) {
        long remaining = d.toNanos();
        for (int guard = 0; guard < 1_000_000; guard++) {
            settle();
            // Nothing is due after settle(), so this only reports the delay to the next deadline.
            long next = channel.runScheduledPendingTasks();
            if (next < 0 || next > remaining) {
                channel.advanceTimeBy(remaining, TimeUnit.NANOSECONDS);
                settle();
                return;
            }
            channel.advanceTimeBy(next, TimeUnit.NANOSECONDS);
            remaining -= next;
        }
        throw new AssertionError("a task keeps rescheduling itself without delay");
    }

    /** Runs tasks until none is runnable now (a scheduled task may queue a normal one and vice versa). */
    void settle() {
        for (int guard = 0; guard < 10_000; guard++) {
            channel.runPendingTasks();
            channel.checkException();
            if (!channel.hasPendingTasks()) {
                return;
            }
        }
        throw new AssertionError("tasks keep queueing tasks");
    }

    void advanceSeconds(long s) {
        advance(Duration.ofSeconds(s));
    }

    void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    boolean open() {
        return channel.isOpen();
    }

    SessionState state() {
        return engine.state();
    }
}
