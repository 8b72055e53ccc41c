package io.smppex.interop.esme;

import io.smppex.interop.peers.CloudhopperMc;
import io.smppex.interop.support.PeerMc;
import org.junit.jupiter.api.Timeout;

/** Our Esme and SyncEsme against a Cloudhopper MC. */
@Timeout(60)
class OurEsmeVsCloudhopperMcTest extends EsmeAgainstPeerMcContract {
    @Override
    protected PeerMc startPeer() {
        return new CloudhopperMc(null);
    }

    @Override
    protected boolean mcDropsConnectionOnRequestBeforeBind() {
        return true;
    }
}
