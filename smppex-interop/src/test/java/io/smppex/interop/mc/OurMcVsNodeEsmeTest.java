package io.smppex.interop.mc;

import io.smppex.interop.peers.NodeEsme;
import io.smppex.interop.support.PeerEsme;
import io.smppex.pdu.field.InterfaceVersion;
import org.junit.jupiter.api.Timeout;

/** Our Mc against node-smpp's client. */
@Timeout(60)
class OurMcVsNodeEsmeTest extends McAgainstPeerEsmeContract {
    @Override
    protected PeerEsme connectPeer(int port) {
        return new NodeEsme(port, null);
    }

    /** node-smpp binds as SMPP 5.0 unless told otherwise. */
    @Override
    protected int peerInterfaceVersion() {
        return InterfaceVersion.SMPP_50;
    }
}
