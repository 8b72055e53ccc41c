package io.smppex.robustness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SessionRole;
import io.smppex.StopReason;
import io.smppex.internal.Pipelines;
import io.smppex.internal.SessionEngine;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduInput;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.Logs;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.event.Level;

/**
 * One live MC session (the real pipeline: frame decoder and SessionEngine, with an authenticating
 * bind handler) on an EmbeddedChannel, fed an arbitrary octet stream. Checks, for any input:
 * <ol>
 * <li>no exception reaches the end of the pipeline, and the library logs no ERROR (it logs ERROR only
 *     when something escaped a callback or its own PDU would not encode);</li>
 * <li>every octet the session writes splits into PDUs that decode;</li>
 * <li>every response answers an inbound request of that sequence number and kind; while the session
 *     is up, every request that framed and expects an answer has exactly one;</li>
 * <li>the same stream cut into random pieces gets the same answers (framing does not depend on how
 *     TCP splits the octets); compared with an application that answers at once, since one that
 *     answers later legitimately races the peer (a bind during authentication, an unbind before
 *     the answer);</li>
 * <li>the timers end every session that is left idle, and onStop runs exactly once;</li>
 * <li>every buffer is released: the channel's allocator holds nothing at the end, and every inbound
 *     buffer is freed.</li>
 * </ol>
 */
final class McSessionHarness {
    /** Small cap so that the fuzzer reaches the length checks, not only 64 KiB frames. */
    static final int CAP = 4096;
    static final PduCodec CODEC = PduCodec.builder().maxCommandLength(CAP).build();
    /** What the session writes must be valid even to a strict reader. */
    private static final PduCodec STRICT_READER = PduCodec.builder().maxCommandLength(PduCodec.DEFAULT_MAX_COMMAND_LENGTH)
            .decodeMode(PduCodec.Mode.STRICT).build();
    static final SessionOptions OPTIONS = SessionOptions.builder()
            .codec(CODEC)
            .windowSize(4)
            .inboundWindow(3)
            .sessionInitLimit(Duration.ofSeconds(10))
            .enquireLinkLimit(Duration.ofSeconds(30))
            .enquireLinkRespLimit(Duration.ofSeconds(20))
            .responseLimit(Duration.ofSeconds(5))
            .build();

    private McSessionHarness() {
    }

    /** The whole check for one input. */
    static void check(byte[] data) {
        // Only ERRORs are formatted while the target runs: WARN lines for every hostile input would
        // cost more than the session itself.
        try (Logs.Capture errors = Logs.capture(Level.ERROR)) {
            checkQuietly(data);
            List<String> unexpected = new ArrayList<>();
            for (Logs.Event e : errors.events()) {
                if (e.logger().startsWith("io.smppex.")) {
                    unexpected.add(e.toString());
                }
            }
            assertThat(unexpected).as("ERRORs logged by the library").isEmpty();
        }
    }

    private static void checkQuietly(byte[] data) {
        long seed = data.length * 31L + (data.length > 0 ? data[0] : 7);
        Run whole = run(data, null, false, false);
        Run pieces = run(data, new SplittableRandom(seed), false, false);
        assertThat(sorted(pieces.answers)).as("answers with the stream in pieces").isEqualTo(sorted(whole.answers));
        // The same with answers given later from the task queue, then left idle until the timers end it.
        run(data, new SplittableRandom(~seed), true, true);
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }

    /** The answers written while feeding (as hex, framing-error nack left out), for the comparison. */
    private record Run(List<String> answers) {
    }

    private static Run run(byte[] data, SplittableRandom pieces, boolean async, boolean withTimers) {
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true, true);
        Recorder handler = new Recorder(async);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        ch.freezeTime();
        SessionEngine engine = new SessionEngine(SessionRole.MC, handler, OPTIONS, (s, bind) -> {
            CommandStatus st = "secret".equals(bind.password()) ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVPASWD;
            if (!async || (bind.sequenceNumber() & 1) == 0) {
                s.answerBind(bind, st, "fuzz-mc", 0x34);
            } else {
                // answered later, as an asynchronous authenticator would
                s.execute(() -> s.answerBind(bind, st, "fuzz-mc", 0x34));
            }
        });
        Pipelines.configure(ch.pipeline(), null, OPTIONS, engine);

        List<ByteBuf> inbound = new ArrayList<>();
        if (pieces == null) {
            inbound.add(copy(alloc, data, 0, data.length));
        } else {
            for (int i = 0; i < data.length; ) {
                int n = Math.min(data.length - i, 1 + pieces.nextInt(24));
                inbound.add(copy(alloc, data, i, n));
                i += n;
            }
        }
        List<Pdu> out = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (ByteBuf b : inbound) {
            if (ch.isOpen()) {
                ch.writeInbound(b);
            } else {
                b.release();
            }
            ch.runPendingTasks();
            ch.checkException();
            drain(ch, out, answers);
        }
        boolean endedWhileFeeding = !ch.isOpen() || handler.stops > 0;
        checkAnswers(data, out, endedWhileFeeding);

        if (withTimers) {
            // Idle for 80 s of the channel's clock: init limit, enquire_link and its response limit
            // must between them end the session whatever state the stream left it in.
            for (int s = 0; s < 80 && ch.isOpen(); s++) {
                ch.advanceTimeBy(1, TimeUnit.SECONDS);
                ch.runScheduledPendingTasks();
                ch.runPendingTasks();
                ch.checkException();
                drain(ch, out, new ArrayList<>());
            }
            assertThat(ch.isOpen()).as("the timers end an idle session").isFalse();
        }
        ch.close();
        ch.runPendingTasks();
        ch.checkException();
        drain(ch, out, new ArrayList<>());
        ch.finishAndReleaseAll();
        assertThat(handler.stops).as("onStop calls").isEqualTo(1);
        for (ByteBuf b : inbound) {
            assertThat(b.refCnt()).as("inbound buffer released").isZero();
        }
        assertThat(alloc.metric().usedHeapMemory() + alloc.metric().usedDirectMemory())
                .as("octets still allocated after the session ended").isZero();
        return new Run(answers);
    }

    private static ByteBuf copy(UnpooledByteBufAllocator alloc, byte[] data, int from, int n) {
        ByteBuf b = alloc.directBuffer(Math.max(n, 1));
        b.writeBytes(data, from, n);
        return b;
    }

    /** Reads what the session wrote: it must split into whole PDUs that decode. */
    private static void drain(EmbeddedChannel ch, List<Pdu> out, List<String> answers) {
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            try {
                byte[] octets = new byte[b.readableBytes()];
                b.readBytes(octets);
                int i = 0;
                while (i < octets.length) {
                    assertThat(octets.length - i).as("a whole header").isGreaterThanOrEqualTo(16);
                    int len = ByteBuffer.wrap(octets, i, 4).getInt();
                    assertThat(len).as("command_length written").isBetween(16, octets.length - i);
                    byte[] frame = java.util.Arrays.copyOfRange(octets, i, i + len);
                    Pdu p;
                    try {
                        p = STRICT_READER.decode(frame);
                    } catch (PduDecodeException e) {
                        throw new AssertionError("the session wrote an invalid PDU " + HexFormat.of().formatHex(frame), e);
                    }
                    out.add(p);
                    boolean framingNack = p.isGenericNack() && p.commandStatus() == CommandStatus.ESME_RINVCMDLEN.code();
                    if (p.isResponse() && !framingNack) {
                        answers.add(HexFormat.of().formatHex(frame));
                    }
                    i += len;
                }
            } finally {
                b.release();
            }
        }
    }

    /** What an inbound frame asks for: how many answers it must and may get. */
    private static void checkAnswers(byte[] data, List<Pdu> out, boolean ended) {
        Map<Integer, int[]> expected = new HashMap<>(); // seq -> {must, may}
        Map<Integer, List<Integer>> kinds = new HashMap<>(); // seq -> command ids asked with that number
        PduInput in = PduInput.of(data);
        int i = 0;
        boolean framingLost = false;
        while (i + 4 <= data.length) {
            int len;
            try {
                len = CODEC.frameLength(in, i, data.length - i);
            } catch (PduDecodeException e) {
                framingLost = true;
                break;
            }
            if (data.length - i < len) {
                break;
            }
            int id = in.getInt(i + 4);
            int seq = in.getInt(i + 12);
            if ((id & CommandId.RESPONSE_BIT) == 0) {
                int[] e = expected.computeIfAbsent(seq, k -> new int[2]);
                CommandId c = CommandId.fromId(id);
                if (c == CommandId.OUTBIND || c == CommandId.ALERT_NOTIFICATION) {
                    e[1]++;
                } else {
                    e[0]++;
                    e[1]++;
                }
                kinds.computeIfAbsent(seq, k -> new ArrayList<>()).add(id);
            }
            i += len;
        }
        Map<Integer, Integer> answered = new HashMap<>();
        // A broken command_length earns one generic_nack ESME_RINVCMDLEN beyond what the frames ask
        // for, numbered from the broken header if it was readable, else 0. Undecodable one-way
        // requests (alert_notification, outbind) may be nacked with the same status, so which
        // nack is the extra one is only known by counting.
        Map<Integer, Integer> lengthNacks = new HashMap<>();
        for (Pdu p : out) {
            if (!p.isResponse()) {
                continue;
            }
            answered.merge(p.sequenceNumber(), 1, Integer::sum);
            if (p.isGenericNack() && p.commandStatus() == CommandStatus.ESME_RINVCMDLEN.code()) {
                lengthNacks.merge(p.sequenceNumber(), 1, Integer::sum);
            }
            List<Integer> asked = kinds.get(p.sequenceNumber());
            if (asked != null && !p.isGenericNack()) {
                assertThat(asked).as("%s answers a request of another kind", p)
                        .contains(p.commandId().id() & ~CommandId.RESPONSE_BIT);
            }
        }
        int extra = 0;
        for (Map.Entry<Integer, Integer> a : answered.entrySet()) {
            int[] e = expected.getOrDefault(a.getKey(), new int[2]);
            int excess = a.getValue() - e[1];
            if (excess > 0) {
                assertThat(framingLost && excess <= lengthNacks.getOrDefault(a.getKey(), 0))
                        .as("%d answer(s) too many to seq %d", excess, a.getKey()).isTrue();
                extra += excess;
            }
        }
        assertThat(extra).as("generic_nacks for a broken command_length").isLessThanOrEqualTo(1);
        for (Map.Entry<Integer, int[]> e : expected.entrySet()) {
            int n = answered.getOrDefault(e.getKey(), 0);
            if (!ended) {
                assertThat(n).as("answers to seq %d while the session is up", e.getKey())
                        .isGreaterThanOrEqualTo(e.getValue()[0]);
            }
        }
    }

    /** The application side: answers at once or later, and counts onStop. */
    static final class Recorder implements SessionHandler {
        private final boolean async;
        int stops;

        Recorder(boolean async) {
            this.async = async;
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            Pdu resp;
            if (request.sequenceNumber() % 3 == 0) {
                resp = request.commandId().response() == null ? null : request.errorResponse(CommandStatus.ESME_RINVCMDID);
            } else if (request instanceof SubmitSm s) {
                resp = s.respond().messageId("m" + Integer.toUnsignedString(request.sequenceNumber())).build();
            } else if (request instanceof DeliverSm d) {
                resp = d.respond().build();
            } else if (request instanceof DataSm d) {
                resp = d.respond().messageId("d1").build();
            } else {
                resp = request.commandId().response() == null ? null : request.errorResponse(CommandStatus.ESME_RSYSERR);
            }
            if (resp == null) {
                return;
            }
            if (!async || (request.sequenceNumber() & 1) == 0) {
                session.reply(request, resp);
            } else {
                session.execute(() -> session.reply(request, resp));
            }
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            stops++;
            return List.of();
        }
    }
}
