package io.smppex.sim;

import io.smppex.EsmeOptions;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Loopback ESMEs for the tests. */
final class Esmes {
    private Esmes() {
    }

    static SyncEsme bind(SmppSimulator sim, BindMode mode, String systemId) {
        return SyncEsme.connect("127.0.0.1", sim.port(), SyncEsme.Options.defaults()
                .esme(EsmeOptions.builder().bind(PduFactory.bind(mode, systemId, "pw")).build()));
    }

    /** An ESME whose encoder lets through what a strict one refuses, as sloppy clients send it. */
    static SyncEsme lenient(SmppSimulator sim, String systemId) {
        return SyncEsme.connect("127.0.0.1", sim.port(), SyncEsme.Options.defaults()
                .esme(EsmeOptions.builder().bind(PduFactory.bind(BindMode.TRANSCEIVER, systemId, "pw"))
                        .session(io.smppex.SessionOptions.builder().codec(io.smppex.pdu.PduCodec.builder()
                                .mode(io.smppex.pdu.PduCodec.Mode.LENIENT).build()).build()).build()));
    }

    static SyncEsme trx(SmppSimulator sim, String systemId) {
        return bind(sim, BindMode.TRANSCEIVER, systemId);
    }

    /** Waits for {@code n} deliver_sm, at most 5 s. */
    static List<DeliverSm> deliverSms(SyncEsme esme, int n) {
        List<DeliverSm> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            for (SyncEvent e : esme.waitForPdus(Duration.ofMillis(200))) {
                if (e instanceof SyncEvent.Incoming in && in.pdu() instanceof DeliverSm d) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Collects deliver_sm for {@code quiet}, to show that nothing (more) comes. */
    static List<DeliverSm> drain(SyncEsme esme, Duration quiet) {
        List<DeliverSm> out = new ArrayList<>();
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            for (SyncEvent e : esme.waitForPdus(Duration.ofMillis(50))) {
                if (e instanceof SyncEvent.Incoming in && in.pdu() instanceof DeliverSm d) {
                    out.add(d);
                }
            }
        }
        return out;
    }
}
