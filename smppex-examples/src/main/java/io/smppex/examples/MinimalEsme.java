package io.smppex.examples;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.PduFactory;

/** SMPPEX's minimal ESME: connect, bind as a transmitter, and nothing else. */
public final class MinimalEsme {
    private MinimalEsme() {
    }

    /** Connects and binds; the returned session is bound. */
    public static Session bind(String host, int port, String systemId, String password) {
        return Esme.connectBlocking(host, port, new SessionHandler() {},
                EsmeOptions.builder().bind(PduFactory.bindTransmitter(systemId, password)).build());
    }

    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 2775;
        Session session = bind(host, port, "system_id", "password");
        System.out.println("bound: " + session);
        session.stop().join();
    }
}
