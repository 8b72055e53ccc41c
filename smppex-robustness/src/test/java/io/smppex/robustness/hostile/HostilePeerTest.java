package io.smppex.robustness.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.internal.SessionEngine;
import io.smppex.pdu.GenericNack;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.Logs;
import io.smppex.robustness.support.ProcessResources;
import io.smppex.robustness.support.RawPeer;
import io.smppex.robustness.support.TestMc;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.event.Level;

/**
 * Hostile and broken peers against our Mc, each on a plain socket. Every case checks the exact
 * answer on the wire (decoded with our codec), how the server ended the session where it did, and
 * that a well-behaved client can still bind and submit afterwards.
 */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class HostilePeerTest {
    private TestMc mc;

    @AfterEach
    void stop() {
        if (mc != null) {
            mc.close();
        }
    }

    private static Pdu bind(String password, int seq) {
        return PduFactory.bindTransmitter(TestMc.USER, password).withSequenceNumber(seq);
    }

    private static Pdu submit(int seq) {
        return PduFactory.submitSm("Shop", "447700900123", "hello").withSequenceNumber(seq);
    }

    private static void assertAnswer(Pdu p, CommandId id, CommandStatus status, int seq) {
        assertThat(p.commandId()).as("command of %s", p).isEqualTo(id);
        assertThat(p.status()).as("status of %s", p).isEqualTo(status);
        assertThat(p.sequenceNumber()).as("sequence_number of %s", p).isEqualTo(seq);
    }

    private RawPeer boundPeer() {
        RawPeer peer = RawPeer.connect(mc.port());
        peer.write(bind(TestMc.PASSWORD, 1));
        assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_ROK, 1);
        return peer;
    }

    // ------------------------------------------------------------------ lengths

    /**
     * 1 GiB announced against the 64 KiB cap: refused on the four length octets, before anything
     * is buffered. The heap (1 GiB max in this JVM) could not even hold the announced size; the
     * test shows neither it nor Netty's allocator grew by more than a few MiB, and that the refusal
     * is logged with the number and the cap.
     */
    @Test
    void commandLengthOverTheCapIsRefusedWithoutAllocatingIt() {
        mc = TestMc.start();
        long heapBefore = heapUsed();
        long allocBefore = ProcessResources.currentAllocatorUsed();
        try (Logs.Capture logs = Logs.capture(Level.INFO); RawPeer peer = RawPeer.connect(mc.port())) {
            byte[] hostile = new byte[64];
            System.arraycopy(RawPeer.header(0x4000_0000, CommandId.SUBMIT_SM.id(), 0, 7), 0, hostile, 0, 16);
            Arrays.fill(hostile, 16, 64, (byte) 'x');
            peer.write(hostile);

            assertAnswer(peer.read(), CommandId.GENERIC_NACK, CommandStatus.ESME_RINVCMDLEN, 7);
            assertThat(peer.awaitEnd()).isEqualTo(RawPeer.End.EOF);
            assertThat(mc.nextStop().kind()).isEqualTo(StopReason.Kind.FRAMING_ERROR);

            long heapGrowth = heapUsed() - heapBefore;
            long allocGrowth = ProcessResources.currentAllocatorUsed() - allocBefore;
            System.out.printf("1 GiB announced: heap grew %,d bytes, Netty allocator %,d bytes (max heap %,d)%n",
                    heapGrowth, allocGrowth, Runtime.getRuntime().maxMemory());
            assertThat(heapGrowth).isLessThan(64L << 20);
            assertThat(allocGrowth).isLessThan(16L << 20);
            assertThat(logs.text()).contains("command_length 1073741824 exceeds the maximum of 65536")
                    .contains("FRAMING_ERROR");
        }
        mc.assertServesANormalClient();
    }

    /** The largest unsigned value, which is negative as a Java int: still "too long", never a negative allocation. */
    @Test
    void commandLengthOfAllOnesIsRefused() {
        mc = TestMc.start();
        try (Logs.Capture logs = Logs.capture(Level.INFO); RawPeer peer = RawPeer.connect(mc.port())) {
            peer.write(RawPeer.header(0xFFFF_FFFF, CommandId.ENQUIRE_LINK.id(), 0, 9));
            assertAnswer(peer.read(), CommandId.GENERIC_NACK, CommandStatus.ESME_RINVCMDLEN, 9);
            assertThat(peer.awaitEnd()).isEqualTo(RawPeer.End.EOF);
            assertThat(logs.text()).contains("command_length 4294967295 exceeds the maximum of 65536");
        }
        assertThat(mc.nextStop().kind()).isEqualTo(StopReason.Kind.FRAMING_ERROR);
        mc.assertServesANormalClient();
    }

    @Test
    void commandLengthUnderTheHeaderIsRefused() {
        mc = TestMc.start();
        try (RawPeer peer = RawPeer.connect(mc.port())) {
            peer.write(RawPeer.header(8, CommandId.ENQUIRE_LINK.id(), 0, 3));
            assertAnswer(peer.read(), CommandId.GENERIC_NACK, CommandStatus.ESME_RINVCMDLEN, 3);
            assertThat(peer.awaitEnd()).isEqualTo(RawPeer.End.EOF);
        }
        assertThat(mc.nextStop().kind()).isEqualTo(StopReason.Kind.FRAMING_ERROR);
        mc.assertServesANormalClient();
    }

    // ------------------------------------------------------------------ slow and silent peers

    /**
     * Slowloris: a bind trickling in one octet a second never completes within session_init_limit
     * (1 s here), so the server closes the connection: the peer reads EOF with no answer before it.
     */
    @Test
    void slowlorisIsClosedBySessionInitLimit() {
        mc = TestMc.start(b -> b.session(SessionOptions.builder().sessionInitLimit(Duration.ofSeconds(1)).build()));
        byte[] bind = RawPeer.CODEC.encode(bind(TestMc.PASSWORD, 1));
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (RawPeer peer = RawPeer.connect("127.0.0.1", mc.port(), 10_000)) {
            AtomicInteger next = new AtomicInteger();
            ScheduledFuture<?> drip = pacer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i < bind.length) {
                    try {
                        peer.write(new byte[] {bind[i]});
                    } catch (RuntimeException closed) {
                        // the server has hung up: nothing more to send
                    }
                }
            }, 0, 1, TimeUnit.SECONDS);
            // The MC closes cleanly (FIN); but if the drip writes its next octet after that close,
            // the peer's kernel answers with a reset, which can overtake the FIN in our read. Both
            // mean the MC hung up; what must not happen is data or a timeout.
            assertThat(peer.awaitEnd()).as("what the slow peer reads").isIn(RawPeer.End.EOF, RawPeer.End.RESET);
            drip.cancel(false);
            assertThat(next.get()).as("octets dripped before the close").isLessThan(bind.length);
        } finally {
            pacer.shutdownNow();
        }
        assertThat(mc.nextStop().kind()).isEqualTo(StopReason.Kind.SESSION_INIT_TIMEOUT);
        mc.assertServesANormalClient();
    }

    @Test
    void connectionThatNeverBindsIsClosedBySessionInitLimit() {
        mc = TestMc.start(b -> b.session(SessionOptions.builder().sessionInitLimit(Duration.ofSeconds(1)).build()));
        try (RawPeer peer = RawPeer.connect(mc.port())) {
            assertThat(peer.awaitEnd()).isEqualTo(RawPeer.End.EOF);
        }
        assertThat(mc.nextStop().kind()).isEqualTo(StopReason.Kind.SESSION_INIT_TIMEOUT);
        mc.assertServesANormalClient();
    }

    // ------------------------------------------------------------------ binds

    @Test
    void wrongPasswordsInALoopAreRefusedEachTime() {
        mc = TestMc.start();
        try (RawPeer peer = RawPeer.connect(mc.port())) {
            for (int i = 1; i <= 20; i++) {
                peer.write(bind("guess" + i, i));
                assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_RINVPASWD, i);
            }
            assertThat(mc.authCalls.get()).isEqualTo(20);
        }
        mc.assertServesANormalClient();
    }

    /**
     * With bindFailureThrottle(3, 1 min), the fourth bind from the same address is refused with
     * ESME_RBINDFAIL without asking the authenticator, even with the right password; another
     * address is not affected.
     */
    @Test
    void bindFailureThrottleRefusesWithoutAskingTheAuthenticator() {
        mc = TestMc.start(b -> b.bindFailureThrottle(3, Duration.ofMinutes(1)));
        try (RawPeer peer = RawPeer.connect("127.0.0.2", mc.port(), 10_000)) {
            for (int i = 1; i <= 3; i++) {
                peer.write(bind("guess" + i, i));
                assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_RINVPASWD, i);
            }
            peer.write(bind("guess4", 4));
            assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_RBINDFAIL, 4);
            peer.write(bind(TestMc.PASSWORD, 5));
            assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_RBINDFAIL, 5);
            assertThat(mc.authCalls.get()).as("authenticator calls").isEqualTo(3);
        }
        try (RawPeer again = RawPeer.connect("127.0.0.2", mc.port(), 10_000)) {
            again.write(bind(TestMc.PASSWORD, 1));
            assertAnswer(again.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_RBINDFAIL, 1);
        }
        assertThat(mc.authCalls.get()).isEqualTo(3);
        mc.assertServesANormalClient(); // from 127.0.0.1
    }

    @Test
    void requestBeforeBindIsRefusedWithInvalidBindStatus() {
        mc = TestMc.start();
        try (RawPeer peer = RawPeer.connect(mc.port())) {
            peer.write(submit(3));
            assertAnswer(peer.read(), CommandId.SUBMIT_SM_RESP, CommandStatus.ESME_RINVBNDSTS, 3);
            peer.write(bind(TestMc.PASSWORD, 4));
            assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_ROK, 4);
        }
        assertThat(mc.submits.get()).isZero();
        mc.assertServesANormalClient();
    }

    @Test
    void secondBindIsRefusedAsAlreadyBound() {
        mc = TestMc.start();
        try (RawPeer peer = boundPeer()) {
            peer.write(bind(TestMc.PASSWORD, 2));
            assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_RALYBND, 2);
            peer.write(submit(3));
            assertAnswer(peer.read(), CommandId.SUBMIT_SM_RESP, CommandStatus.ESME_ROK, 3);
        }
        mc.assertServesANormalClient();
    }

    // ------------------------------------------------------------------ malformed PDUs

    @Test
    void unknownCommandIdGetsGenericNackAndTheSessionStaysUp() {
        mc = TestMc.start();
        try (RawPeer peer = boundPeer()) {
            peer.write(RawPeer.header(16, 0x0000_0077, 0, 5));
            Pdu nack = peer.read();
            assertThat(nack).isInstanceOf(GenericNack.class);
            assertAnswer(nack, CommandId.GENERIC_NACK, CommandStatus.ESME_RINVCMDID, 5);
            peer.write(PduFactory.enquireLink().withSequenceNumber(6));
            assertAnswer(peer.read(), CommandId.ENQUIRE_LINK_RESP, CommandStatus.ESME_ROK, 6);
        }
        mc.assertServesANormalClient();
    }

    /** A submit_sm whose command_length ends inside its mandatory fields gets its own _resp with the decode status. */
    @Test
    void truncatedBodyGetsItsOwnResponseWithTheDecodeStatus() {
        mc = TestMc.start();
        byte[] full = RawPeer.CODEC.encode(submit(4));
        byte[] cut = Arrays.copyOf(full, 16 + 14);
        ByteBuffer.wrap(cut).putInt(0, cut.length);
        PduDecodeException expected = decodeFailure(cut);
        assertThat(expected.canAnswerWithResponse()).isTrue();
        try (RawPeer peer = boundPeer()) {
            peer.write(cut);
            assertAnswer(peer.read(), CommandId.SUBMIT_SM_RESP, expected.commandStatus(), 4);
            peer.write(PduFactory.enquireLink().withSequenceNumber(5));
            assertAnswer(peer.read(), CommandId.ENQUIRE_LINK_RESP, CommandStatus.ESME_ROK, 5);
        }
        System.out.println("truncated submit_sm answered with " + expected.commandStatus() + " (" + expected.getMessage() + ")");
        mc.assertServesANormalClient();
    }

    @Test
    void tlvOverrunningTheBodyGetsInvalidTlvStream() {
        mc = TestMc.start();
        byte[] full = RawPeer.CODEC.encode(submit(4));
        // message_payload claiming 64 octets, followed by one
        byte[] tlv = {0x04, 0x24, 0x00, 0x40, 'A'};
        byte[] bad = Arrays.copyOf(full, full.length + tlv.length);
        System.arraycopy(tlv, 0, bad, full.length, tlv.length);
        ByteBuffer.wrap(bad).putInt(0, bad.length);
        assertThat(decodeFailure(bad).commandStatus()).isEqualTo(CommandStatus.ESME_RINVTLVSTREAM);
        try (RawPeer peer = boundPeer()) {
            peer.write(bad);
            assertAnswer(peer.read(), CommandId.SUBMIT_SM_RESP, CommandStatus.ESME_RINVTLVSTREAM, 4);
            peer.write(submit(5));
            assertAnswer(peer.read(), CommandId.SUBMIT_SM_RESP, CommandStatus.ESME_ROK, 5);
        }
        mc.assertServesANormalClient();
    }

    private static PduDecodeException decodeFailure(byte[] frame) {
        try {
            Pdu p = RawPeer.CODEC.decode(frame);
            throw new AssertionError("expected a decode failure, got " + p);
        } catch (PduDecodeException e) {
            return e;
        }
    }

    /**
     * Found by the live-session fuzzer: a request numbered over 0x7FFFFFFF is never answered. SMPP
     * allows 1..0x7FFFFFFF, but a sloppy peer's numbers are echoed by every MC we know of, and
     * silence makes the peer wait for its own timeout while we log ERROR once per request.
     */
    @Test
    void requestNumberedOver31BitsIsAnswered() {
        mc = TestMc.start();
        try (RawPeer peer = RawPeer.connect("127.0.0.1", mc.port(), 3_000)) {
            peer.write(bind(TestMc.PASSWORD, 1));
            assertAnswer(peer.read(), CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_ROK, 1);
            peer.write(RawPeer.header(16, CommandId.ENQUIRE_LINK.id(), 0, 0x8000_0003));
            Pdu resp = peer.read();
            assertThat(resp.sequenceNumber()).isEqualTo(0x8000_0003);
            assertThat(resp.commandId()).isIn(CommandId.ENQUIRE_LINK_RESP, CommandId.GENERIC_NACK);
        }
    }

    // ------------------------------------------------------------------ a peer that never reads

    /**
     * A peer that sends submit_sm as fast as it can and never reads a response. With an 8 KiB write
     * high-water mark and an inbound window of 64, the server must stop reading once its answers
     * back up, so the peer's kernel send buffer fills and stays full: the peer's writes stop being
     * accepted. The server's outbound queue and memory stay bounded however much the peer sent.
     * Once the peer reads, every submit it got through is answered, in order.
     */
    @Test
    void peerThatNeverReadsIsStoppedByBackpressure() throws Exception {
        mc = TestMc.start(b -> b.session(SessionOptions.builder().writeBufferWaterMarks(4 * 1024, 8 * 1024)
                .inboundWindow(64).build()));
        long allocBefore = ProcessResources.currentAllocatorUsed();
        try (SocketChannel ch = SocketChannel.open(); Selector sel = Selector.open()) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 32 * 1024);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(new InetSocketAddress("127.0.0.1", mc.port()));
            writeFully(ch, RawPeer.CODEC.encode(bind(TestMc.PASSWORD, 1)));
            assertAnswer(RawPeer.CODEC.decode(readFrame(ch, ByteBuffer.allocate(0))),
                    CommandId.BIND_TRANSMITTER_RESP, CommandStatus.ESME_ROK, 1);
            ch.configureBlocking(false);
            SelectionKey key = ch.register(sel, SelectionKey.OP_WRITE);

            int len = RawPeer.CODEC.encode(submit(2)).length;
            int nextSeq = 2;
            long bytesWritten = 0;
            ByteBuffer batch = ByteBuffer.allocate(0);
            boolean stalled = false;
            while (bytesWritten < 200L * 1024 * 1024) {
                if (!batch.hasRemaining()) {
                    batch = ByteBuffer.allocate(len * 256);
                    for (int i = 0; i < 256; i++) {
                        batch.put(RawPeer.CODEC.encode(submit(nextSeq++)));
                    }
                    batch.flip();
                }
                int n = ch.write(batch);
                bytesWritten += n;
                if (n == 0) {
                    sel.selectedKeys().clear();
                    // Not writable for 3 s: the kernel buffers are full and the server is not reading.
                    if (sel.select(3_000) == 0) {
                        stalled = true;
                        break;
                    }
                }
            }
            long sent = bytesWritten / len;
            assertThat(stalled).as("the peer's writes stopped being accepted (after %,d submits)", sent).isTrue();
            assertThat(sent).isGreaterThan(1_000);

            SessionEngine engine = (SessionEngine) mc.mc.sessions().get(0);
            Channel server = channelOf(engine);
            long[] state = server.eventLoop().submit(() -> {
                ChannelOutboundBuffer ob = server.unsafe().outboundBuffer();
                return new long[] {ob == null ? 0 : ob.totalPendingWriteBytes(), server.config().isAutoRead() ? 1 : 0};
            }).get(10, TimeUnit.SECONDS);
            int received = mc.submits.get();
            long allocGrowth = ProcessResources.currentAllocatorUsed() - allocBefore;
            System.out.printf("never-reading peer: %,d submits accepted by the kernel, %,d read by the server, "
                    + "%,d octets queued in Netty, allocator +%,d octets, server reading=%s%n",
                    sent, received, state[0], allocGrowth, state[1] == 1);
            assertThat(state[1]).as("server still reading").isZero();
            assertThat(received).as("submits the server read").isLessThan((int) sent);
            assertThat(state[0]).as("octets queued for the peer").isLessThan(256 * 1024);
            assertThat(allocGrowth).isLessThan(16L << 20);

            // Now read: everything that got through is answered, in order, and the rest is accepted.
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            ByteBuffer in = ByteBuffer.allocate(256 * 1024);
            long answered = 0;
            int expectSeq = 2;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (batch.hasRemaining() || answered < (bytesWritten / len)) {
                assertThat(System.nanoTime()).as("all answers within 60 s (%,d of %,d)", answered, bytesWritten / len)
                        .isLessThan(deadline);
                sel.selectedKeys().clear();
                sel.select(1_000);
                if (batch.hasRemaining()) {
                    bytesWritten += ch.write(batch);
                } else {
                    key.interestOps(SelectionKey.OP_READ);
                }
                if (ch.read(in) < 0) {
                    throw new AssertionError("server closed the connection");
                }
                in.flip();
                while (in.remaining() >= 4 && in.remaining() >= in.getInt(in.position())) {
                    byte[] frame = new byte[in.getInt(in.position())];
                    in.get(frame);
                    Pdu resp = RawPeer.CODEC.decode(frame);
                    assertAnswer(resp, CommandId.SUBMIT_SM_RESP, CommandStatus.ESME_ROK, expectSeq++);
                    answered++;
                }
                in.compact();
            }
            assertThat(answered).isEqualTo(bytesWritten / len);
            assertThat(mc.submits.get()).isEqualTo((int) answered);
        }
        mc.assertServesANormalClient();
    }

    /** SessionEngine offers no channel; the test reads its private field to see Netty's outbound queue. */
    private static Channel channelOf(SessionEngine engine) throws ReflectiveOperationException {
        // Declared by the engine's package-private Session side, its superclass.
        Field f = SessionEngine.class.getSuperclass().getDeclaredField("channel");
        f.setAccessible(true);
        return (Channel) f.get(engine);
    }

    private static void writeFully(SocketChannel ch, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static byte[] readFrame(SocketChannel ch, ByteBuffer unused) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4);
        while (len.hasRemaining()) {
            if (ch.read(len) < 0) {
                throw new IOException("EOF");
            }
        }
        int n = len.getInt(0);
        ByteBuffer frame = ByteBuffer.allocate(n);
        frame.putInt(n);
        while (frame.hasRemaining()) {
            if (ch.read(frame) < 0) {
                throw new IOException("EOF");
            }
        }
        return frame.array();
    }

    // ------------------------------------------------------------------ resets

    /** RST in the middle of a PDU: the server survives, the session ends as a socket error or peer close, nothing leaks. */
    @Test
    void abruptResetInTheMiddleOfAPdu() {
        mc = TestMc.start();
        RawPeer peer = boundPeer();
        byte[] full = RawPeer.CODEC.encode(submit(2));
        peer.write(Arrays.copyOf(full, full.length / 2));
        peer.reset();
        assertThat(mc.nextStop().kind()).isIn(StopReason.Kind.SOCKET_ERROR, StopReason.Kind.PEER_CLOSED);
        assertThat(mc.submits.get()).isZero();
        mc.assertServesANormalClient();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
