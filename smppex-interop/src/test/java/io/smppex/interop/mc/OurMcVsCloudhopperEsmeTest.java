package io.smppex.interop.mc;

import io.smppex.interop.peers.CloudhopperEsme;
import io.smppex.interop.support.PeerEsme;
import io.smppex.pdu.field.InterfaceVersion;
import org.junit.jupiter.api.Timeout;

/** Our Mc against Cloudhopper's client. */
@Timeout(60)
class OurMcVsCloudhopperEsmeTest extends McAgainstPeerEsmeContract {
    @Override
    protected PeerEsme connectPeer(int port) {
        return new CloudhopperEsme(port, null);
    }

    @Override
    protected int peerInterfaceVersion() {
        return InterfaceVersion.SMPP_34;
    }
}
