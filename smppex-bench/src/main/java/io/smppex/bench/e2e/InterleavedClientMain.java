package io.smppex.bench.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client JVM of an interleaved run: every client kind's sessions to every server at once, and
 * then each pairing in turn for a short slice, round after round, so that each pairing's slices
 * are spread over the same minutes as every other's. Prints one {@link CaseResult#toLine() RESULT}
 * line per slice, in the order {@link InterleavedRunner} reads them: for each case, for each round,
 * the pairings in the round's order.
 *
 * <p>Arguments: {@code <clients> <servers> <ports> <server pids> <cases> <first warm s> <warm s>
 * <slice s> <rounds>}, the lists comma-separated, ports and pids in the order of the servers.
 */
public final class InterleavedClientMain {
    private InterleavedClientMain() {
    }

    /** One pairing of a case: a client kind's sessions to one server. */
    private record Pairing(Peer client, Peer server, int port, long serverPid, LoadClient load) {
    }

    public static void main(String[] a) throws Exception {
        List<Peer> clients = peers(a[0]);
        List<Peer> servers = peers(a[1]);
        String[] ports = a[2].split(",");
        String[] pids = a[3].split(",");
        List<CaseSpec> cases = CaseSpec.parseList(a[4]);
        double firstWarm = Double.parseDouble(a[5]);
        double warm = Double.parseDouble(a[6]);
        double slice = Double.parseDouble(a[7]);
        int rounds = Integer.parseInt(a[8]);
        CaseRunner.Timing t = new CaseRunner.Timing(0, 0, 0, slice, 1000);
        for (int c = 0; c < cases.size(); c++) {
            CaseSpec spec = cases.get(c);
            List<Pairing> all = new ArrayList<>();
            try {
                for (Peer cl : clients) {
                    for (int s = 0; s < servers.size(); s++) {
                        LoadClient load = cl.newClient();
                        all.add(new Pairing(cl, servers.get(s), Integer.parseInt(ports[s]), Long.parseLong(pids[s]), load));
                        load.open("127.0.0.1", Integer.parseInt(ports[s]), spec.sessions(), spec.window());
                    }
                }
                double[] rate = new double[all.size()];
                // Warm every pairing in turns of one slice, so that each has the JIT's attention for as long.
                double warmFor = c == 0 ? firstWarm : warm;
                long end = System.nanoTime() + (long) (warmFor * 1e9);
                do {
                    for (int i = 0; i < all.size(); i++) {
                        rate[i] = CaseRunner.warmUp(all.get(i).load(), spec, slice, slice, System::nanoTime);
                    }
                } while (System.nanoTime() - end < 0);
                for (int r = 0; r < rounds; r++) {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        order.add(i);
                    }
                    // Every other round backwards: a machine that drifts within a round favours no pairing.
                    if (r % 2 == 1) {
                        Collections.reverse(order);
                    }
                    for (int i : order) {
                        Pairing p = all.get(i);
                        CaseResult res;
                        try {
                            long count = Math.max(t.minCount(), (long) Math.ceil(rate[i] * slice));
                            res = CaseRunner.measure(p.load(), p.client(), p.server(), p.serverPid(), spec, count, t, warmFor);
                            rate[i] = res.pduPerSec();
                        } catch (Exception e) {
                            res = CaseResult.failed(p.client(), p.server(), spec, e.toString());
                        }
                        System.out.println(res.toLine());
                        System.out.flush();
                    }
                }
            } catch (Exception e) {
                // The runner is waiting for rounds × pairings lines: give it failures, not silence.
                for (int r = 0; r < rounds; r++) {
                    for (Peer cl : clients) {
                        for (Peer sv : servers) {
                            System.out.println(CaseResult.failed(cl, sv, spec, e.toString()).toLine());
                        }
                    }
                }
                System.out.flush();
            } finally {
                for (Pairing p : all) {
                    try {
                        p.load().close();
                    } catch (Exception e) {
                        System.err.println("closing " + p.client().label + " -> " + p.server().label + ": " + e);
                    }
                }
            }
        }
        System.exit(0);
    }

    private static List<Peer> peers(String s) {
        List<Peer> out = new ArrayList<>();
        for (String p : s.split(",")) {
            out.add(Peer.valueOf(p));
        }
        return out;
    }
}
