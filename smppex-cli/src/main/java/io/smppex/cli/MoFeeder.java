package io.smppex.cli;

import io.smppex.sim.Mo;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimListener;
import io.smppex.sim.SmppSimulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code mc --mo FROM:TO:TEXT} and {@code --mo-stdin}: these name no system_id, so each goes to a
 * receiver bound now (taking turns), or waits for the first receiver to bind. The simulator's
 * {@link SmppSimulator#sendMo} then delivers it to that system_id, parts and retries included.
 */
final class MoFeeder implements SimListener {

    /** An MO of the command line: {@code FROM:TO:TEXT}, TEXT may hold colons. */
    record Spec(String from, String to, String text) {
        static Spec parse(String spec) {
            String[] p = spec.split(":", 3);
            if (p.length < 3 || p[0].isEmpty() || p[1].isEmpty()) {
                throw new IllegalArgumentException("an MO is FROM:TO:TEXT, e.g. 447700900123:1234:hello; got '" + spec + "'");
            }
            return new Spec(p[0], p[1], p[2]);
        }
    }

    private final Deque<Spec> waiting = new ArrayDeque<>();
    private final Consumer<String> problems;
    private volatile SmppSimulator sim;
    private int turn;

    /** @param problems hears an MO that cannot be sent (bad text, refused by the receiver) */
    MoFeeder(List<Spec> initial, Consumer<String> problems) {
        waiting.addAll(initial);
        this.problems = problems;
    }

    void attach(SmppSimulator simulator) {
        this.sim = simulator;
        flush();
    }

    /** Sends the MO to a bound receiver, or keeps it for the next one to bind. */
    void send(Spec mo) {
        synchronized (waiting) {
            waiting.add(mo);
        }
        flush();
    }

    @Override
    public void onSession(SessionEvent e) {
        if (e.kind() == SessionEvent.Kind.BOUND && (e.bindMode().equals("RECEIVER") || e.bindMode().equals("TRANSCEIVER"))) {
            // The event may come before the simulator lists the receiver: name it, the simulator queues for it.
            flush(e.systemId());
        }
    }

    private void flush() {
        flush(null);
    }

    private void flush(String justBound) {
        SmppSimulator s = sim;
        if (s == null) {
            return;
        }
        List<Mo> out = new ArrayList<>();
        synchronized (waiting) {
            List<String> receivers = justBound != null ? List.of(justBound) : s.receivers();
            if (receivers.isEmpty()) {
                return;
            }
            while (!waiting.isEmpty()) {
                Spec m = waiting.poll();
                String systemId = receivers.get(Math.floorMod(turn++, receivers.size()));
                out.add(Mo.of(systemId, m.from(), m.to(), m.text()));
            }
        }
        for (Mo m : out) {
            try {
                s.sendMo(m).whenComplete((v, err) -> {
                    if (err != null) {
                        problems.accept("MO to '" + m.systemId() + "' not delivered: " + ConnectFailures.plain(err));
                    }
                });
            } catch (IllegalArgumentException e) {
                problems.accept("MO not sent: " + e.getMessage());
            }
        }
    }
}
