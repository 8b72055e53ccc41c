package io.smppex.interop.esme;

import io.smppex.interop.peers.JsmppMc;
import io.smppex.interop.support.PeerMc;
import org.junit.jupiter.api.Timeout;

/** Our Esme and SyncEsme against a jSMPP MC. */
@Timeout(60)
class OurEsmeVsJsmppMcTest extends EsmeAgainstPeerMcContract {
    @Override
    protected PeerMc startPeer() {
        return new JsmppMc(null);
    }

    @Override
    protected boolean mcDropsConnectionOnRequestBeforeBind() {
        return true;
    }
}
