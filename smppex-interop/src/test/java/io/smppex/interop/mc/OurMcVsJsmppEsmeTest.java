package io.smppex.interop.mc;

import io.smppex.interop.peers.JsmppEsme;
import io.smppex.interop.support.PeerEsme;
import io.smppex.pdu.field.InterfaceVersion;
import org.junit.jupiter.api.Timeout;

/** Our Mc against jSMPP's client. */
@Timeout(60)
class OurMcVsJsmppEsmeTest extends McAgainstPeerEsmeContract {
    @Override
    protected PeerEsme connectPeer(int port) {
        return new JsmppEsme(port, null);
    }

    @Override
    protected int peerInterfaceVersion() {
        return InterfaceVersion.SMPP_34;
    }
}
