package io.smppex.bench.e2e;

import java.util.List;

/**
 * A client under test in its own JVM: runs the given cases one after another against a server
 * and prints one {@link CaseResult#toLine() RESULT} line per case; progress goes to stderr.
 *
 * <p>Arguments: {@code <client> <server> <port> <server pid> <cases> <first warm s> <warm s> <most warm s> <measure s> <min count>}.
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] a) {
        Peer client = Peer.parse(a[0]);
        Peer server = Peer.parse(a[1]);
        int port = Integer.parseInt(a[2]);
        long serverPid = Long.parseLong(a[3]);
        List<CaseSpec> cases = CaseSpec.parseList(a[4]);
        CaseRunner.Timing t = new CaseRunner.Timing(Double.parseDouble(a[5]), Double.parseDouble(a[6]),
                Double.parseDouble(a[7]), Double.parseDouble(a[8]), Long.parseLong(a[9]));
        for (int i = 0; i < cases.size(); i++) {
            CaseResult r = CaseRunner.run(client, server, "127.0.0.1", port, serverPid, cases.get(i), t, i == 0, System.err);
            System.out.println(r.toLine());
            System.out.flush();
        }
        // Some peers leave non-daemon threads behind (jSMPP's readers, Netty 3's pools): exit explicitly.
        System.exit(0);
    }
}
