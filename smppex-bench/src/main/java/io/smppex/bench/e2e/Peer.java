package io.smppex.bench.e2e;

import io.smppex.bench.raw.RawClient;
import io.smppex.bench.raw.RawServer;

/** The implementations on each side of the matrix, in the order the report lists them. */
public enum Peer {
    SMPPEX("smppex"),
    CLOUDHOPPER("Cloudhopper"),
    JSMPP("jSMPP"),
    RAW("raw");

    public final String label;

    Peer(String label) {
        this.label = label;
    }

    public static Peer parse(String s) {
        for (Peer p : values()) {
            if (p.name().equalsIgnoreCase(s) || p.label.equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown peer " + s + "; one of smppex, cloudhopper, jsmpp, raw");
    }

    /** A new client of this kind; one per case, since a case's sessions are opened and closed with it. */
    public LoadClient newClient() {
        switch (this) {
            case SMPPEX: return new SmppexClient();
            case CLOUDHOPPER: return new CloudhopperClient();
            case JSMPP: return new JsmppClient();
            default: return new RawClient();
        }
    }

    /** Starts a server of this kind; {@code window} is its window for requests it sends itself. */
    public BenchServer startServer(int window) throws Exception {
        switch (this) {
            case SMPPEX: return new SmppexServer(window);
            case CLOUDHOPPER: return new CloudhopperServer(window);
            case JSMPP: return new JsmppServer(window);
            default: return new RawServer();
        }
    }
}
