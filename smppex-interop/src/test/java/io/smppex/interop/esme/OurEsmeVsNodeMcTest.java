package io.smppex.interop.esme;

import io.smppex.interop.peers.NodeMc;
import io.smppex.interop.support.PeerMc;
import org.junit.jupiter.api.Timeout;

/** Our Esme and SyncEsme against node-smpp's server. */
@Timeout(60)
class OurEsmeVsNodeMcTest extends EsmeAgainstPeerMcContract {
    @Override
    protected PeerMc startPeer() {
        return new NodeMc(null, null);
    }
}
