package io.smppex.interop.quirks;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.interop.peers.CloudhopperMc;
import io.smppex.interop.peers.JsmppMc;
import io.smppex.interop.peers.NodeMc;
import io.smppex.interop.support.PeerMc;
import io.smppex.interop.support.RawSmpp;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each peer MC does with PDUs no library of ours would send, written by hand to a plain
 * socket: an unknown command_id and a submit_sm before bind. This pins the peers' behaviour (so a
 * change in a peer is noticed) and records where they disagree with the specification, which
 * asks for generic_nack ESME_RINVCMDID and ESME_RINVBNDSTS respectively.
 *
 * <p>Cloudhopper and jSMPP both drop the connection without a word on either; node-smpp answers
 * as the specification says.
 */
@Timeout(60)
class PeerMcRawSocketTest {

    static Stream<Arguments> peers() {
        return Stream.of(
                Arguments.of("Cloudhopper", (Supplier<PeerMc>) () -> new CloudhopperMc(null), "closed", "closed"),
                Arguments.of("jSMPP", (Supplier<PeerMc>) () -> new JsmppMc(null), "closed", "closed"),
                // node-smpp keeps no session state: the ESME_RINVBNDSTS is peer.js's, the generic_nack node-smpp's
                Arguments.of("node-smpp", (Supplier<PeerMc>) () -> new NodeMc(null, null), "80000000/3/7", "80000004/4/9"));
    }

    /** The first answer on the socket, as "command_id/status/sequence" in hex, or "closed". */
    private static String answer(PeerMc peer, byte[] request) {
        try (RawSmpp raw = RawSmpp.connect(peer.port())) {
            raw.write(request);
            byte[] frame;
            try {
                frame = raw.readFrame();
            } catch (java.io.UncheckedIOException e) {
                return "closed";
            }
            ByteBuffer b = ByteBuffer.wrap(frame);
            return String.format("%08x/%x/%x", b.getInt(4), b.getInt(8), b.getInt(12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void unknownCommandBeforeBind(String name, Supplier<PeerMc> start, String expectedUnknown, String expectedSubmit) {
        try (PeerMc peer = start.get()) {
            assertThat(answer(peer, RawSmpp.header(0x00000777, 0, 7))).isEqualTo(expectedUnknown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void submitSmBeforeBind(String name, Supplier<PeerMc> start, String expectedUnknown, String expectedSubmit) {
        SubmitSm submit = (SubmitSm) PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "early", 0)
                .withSequenceNumber(9);
        try (PeerMc peer = start.get()) {
            assertThat(answer(peer, io.smppex.pdu.PduCodec.defaults().encode(submit))).isEqualTo(expectedSubmit);
        }
    }
}
