package io.smppex.sim.internal;

import io.smppex.Session;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.field.CommandId;
import io.smppex.sim.SessionSnapshot;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions open now, each with its counters. Counters are written only by their session's
 * event loop, so a release store (lazySet) is enough and costs no fence on the hot path; readers
 * on other threads see them a moment late at worst.
 */
final class LiveSessions {

    static final class Entry {
        final Session session;
        final Instant openedAt = Instant.now();
        final AtomicLong pdusIn = new AtomicLong();
        final AtomicLong pdusOut = new AtomicLong();
        final AtomicLong submits = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong receipts = new AtomicLong();
        final AtomicLong mo = new AtomicLong();

        Entry(Session session) {
            this.session = session;
        }

        private static void bump(AtomicLong c) {
            c.lazySet(c.get() + 1);
        }

        void received(Pdu pdu) {
            bump(pdusIn);
            CommandId c = pdu.commandId();
            if (c == CommandId.SUBMIT_SM || c == CommandId.DATA_SM || c == CommandId.SUBMIT_MULTI) {
                bump(submits);
            }
        }

        void sent(Pdu pdu) {
            bump(pdusOut);
            if (pdu.isResponse()) {
                if (pdu.commandStatus() != 0) {
                    bump(errors);
                }
            } else if (pdu instanceof DeliverSm d) {
                bump(d.isDeliveryReceipt() ? receipts : mo);
            }
        }

        SessionSnapshot snapshot() {
            Session s = session;
            return new SessionSnapshot(s.id(), s.systemId().orElse(""), s.bindMode().map(m -> m.shortName()).orElse(""),
                    hostPort(s.remoteAddress()), openedAt,
                    new SessionSnapshot.Counters(pdusIn.get(), pdusOut.get(), submits.get(), errors.get(), receipts.get(),
                            mo.get()),
                    s.pendingCount(), s.options().windowSize(), s.queuedCount());
        }
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    Entry opened(Session s) {
        Entry e = new Entry(s);
        byId.put(s.id(), e);
        return e;
    }

    Entry get(Session s) {
        return byId.get(s.id());
    }

    void closed(Session s) {
        byId.remove(s.id());
    }

    Optional<Session> session(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.session);
    }

    Optional<SessionSnapshot> snapshot(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    List<SessionSnapshot> snapshots() {
        List<SessionSnapshot> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            out.add(e.snapshot());
        }
        out.sort(Comparator.comparing(SessionSnapshot::openedAt).thenComparing(SessionSnapshot::id));
        return List.copyOf(out);
    }

    static String hostPort(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            String host = i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
            if (i.getAddress() instanceof Inet6Address) {
                int pct = host.indexOf('%');
                host = "[" + (pct >= 0 ? host.substring(0, pct) : host) + "]";
            }
            return host + ":" + i.getPort();
        }
        return String.valueOf(a);
    }
}
