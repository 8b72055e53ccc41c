package io.smppex.sim.internal;

import io.smppex.GenericNackException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionState;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduEncodeException;
import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Routes receipts and MO parts to the receivers of their system_id without losing or doubling
 * one. Each system_id has a backlog; a receiver takes from it while it has window room, so a
 * backlog of any size drains at the receivers' pace. A failed send never drops the receiver (only
 * its session ending does) and puts the item back at the head of the backlog, for the same or
 * another receiver; an item sent but not answered when its session ends goes back the same way,
 * so it is sent again on the next bind. What the answer's status means:
 * <ul>
 *   <li>ESME_ROK: delivered; done.</li>
 *   <li>ESME_RX_T_APPN, ESME_RTHROTTLED, ESME_RMSGQFUL (temporary): sent again after the retry delay.</li>
 *   <li>any other error status (permanent): refused; counted and not sent again.</li>
 *   <li>generic_nack: sent again after the retry delay (the receiver could not read it this time).</li>
 * </ul>
 */
final class Router {

    /** Where a routed item's outcome goes. */
    interface Item {
        DeliverSm pdu();

        /** Called once per write, before it, on whatever thread routes it. */
        void sending(Session s);

        /** The answer to a write, before its outcome is reported; on the session's event loop. */
        default void response(Pdu resp) {
        }

        void acknowledged(Session s);

        void refused(Session s, CommandStatus status);

        void retried(Session s, Throwable why);

        void overflowed();

        void failed(Throwable why);

        /** Under the router's lock, just before a send; true drops the item (a cluster took it back). */
        default boolean withdrawn() {
            return false;
        }
    }

    private static final class Receiver {
        final Session session;
        final int window;
        int inflight;
        boolean gone;

        Receiver(Session s) {
            this.session = s;
            this.window = Math.max(1, s.options().windowSize());
        }
    }

    private static final class Route {
        final ArrayDeque<Item> backlog = new ArrayDeque<>();
        final List<Receiver> receivers = new ArrayList<>();
        int next;
    }

    private final Object lock = new Object();
    private final Map<String, Route> routes = new HashMap<>();
    private final int limit;
    private final long retryMillis;
    private final ScheduledExecutorService timer;

    Router(int limit, long retryMillis, ScheduledExecutorService timer) {
        this.limit = limit;
        this.retryMillis = retryMillis;
        this.timer = timer;
    }

    private Route route(String systemId) {
        return routes.computeIfAbsent(systemId, k -> new Route());
    }

    /** Takes items that have no local receiver to another node; null outside a cluster. */
    volatile java.util.function.BiPredicate<String, Item> offload;

    void enqueue(String systemId, Item item) {
        java.util.function.BiPredicate<String, Item> o = offload;
        if (o != null && !receivers().contains(systemId) && o.test(systemId, item)) {
            return;
        }
        enqueueLocal(systemId, item);
    }

    void enqueueLocal(String systemId, Item item) {
        boolean overflow;
        synchronized (lock) {
            Route r = route(systemId);
            overflow = r.backlog.size() >= limit;
            if (!overflow) {
                r.backlog.addLast(item);
            }
        }
        if (overflow) {
            item.overflowed();
            return;
        }
        pump(systemId);
    }

    private void requeueFront(String systemId, Item item) {
        synchronized (lock) {
            // A retry is never dropped for the bound: it was admitted once already.
            route(systemId).backlog.addFirst(item);
        }
        pump(systemId);
    }

    void bound(Session s, String systemId) {
        synchronized (lock) {
            route(systemId).receivers.add(new Receiver(s));
        }
        pump(systemId);
    }

    void closed(Session s) {
        String systemId = s.systemId().orElse(null);
        if (systemId == null) {
            return;
        }
        synchronized (lock) {
            Route r = routes.get(systemId);
            if (r != null) {
                r.receivers.removeIf(x -> {
                    if (x.session == s) {
                        x.gone = true;
                        return true;
                    }
                    return false;
                });
            }
        }
    }

    List<String> receivers() {
        synchronized (lock) {
            List<String> out = new ArrayList<>();
            routes.forEach((k, v) -> {
                if (!v.receivers.isEmpty()) {
                    out.add(k);
                }
            });
            return out;
        }
    }

    long backlog() {
        synchronized (lock) {
            long n = 0;
            for (Route r : routes.values()) {
                n += r.backlog.size();
            }
            return n;
        }
    }

    /** Hands backlog items to receivers with window room, round robin. */
    private void pump(String systemId) {
        List<Object[]> sends = new ArrayList<>();
        synchronized (lock) {
            Route r = routes.get(systemId);
            if (r == null) {
                return;
            }
            while (!r.backlog.isEmpty() && !r.receivers.isEmpty()) {
                Receiver chosen = null;
                int n = r.receivers.size();
                for (int i = 0; i < n; i++) {
                    Receiver c = r.receivers.get(Math.floorMod(r.next + i, n));
                    if (c.inflight < c.window && isBound(c.session)) {
                        chosen = c;
                        r.next = Math.floorMod(r.next + i + 1, n);
                        break;
                    }
                }
                if (chosen == null) {
                    break;
                }
                Item it = r.backlog.pollFirst();
                if (it.withdrawn()) {
                    continue;
                }
                chosen.inflight++;
                sends.add(new Object[] {chosen, it});
            }
        }
        for (Object[] s : sends) {
            send(systemId, (Receiver) s[0], (Item) s[1]);
        }
    }

    private static boolean isBound(Session s) {
        SessionState st = s.state();
        return st == SessionState.BOUND_RX || st == SessionState.BOUND_TRX;
    }

    private void send(String systemId, Receiver rc, Item item) {
        item.sending(rc.session);
        rc.session.send((Pdu) item.pdu()).whenComplete((resp, err) -> {
            synchronized (lock) {
                rc.inflight--;
            }
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (cause == null) {
                item.response(resp);
                CommandStatus st = resp.status();
                if (st.isOk()) {
                    item.acknowledged(rc.session);
                } else if (isTemporary(st)) {
                    item.retried(rc.session, null);
                    later(systemId, item);
                } else {
                    item.refused(rc.session, st);
                }
            } else if (cause instanceof PduEncodeException) {
                item.failed(cause);
            } else if (cause instanceof GenericNackException) {
                item.retried(rc.session, cause);
                later(systemId, item);
            } else {
                if (cause instanceof SessionClosedException || !isBound(rc.session)) {
                    closed(rc.session);
                }
                item.retried(rc.session, cause);
                requeueFront(systemId, item);
            }
            pump(systemId);
        });
    }

    private void later(String systemId, Item item) {
        if (retryMillis == 0) {
            requeueFront(systemId, item);
            return;
        }
        try {
            timer.schedule(() -> requeueFront(systemId, item), retryMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Stopping: keep it in the backlog rather than lose it.
            synchronized (lock) {
                route(systemId).backlog.addFirst(item);
            }
        }
    }

    static boolean isTemporary(CommandStatus st) {
        return st.equals(CommandStatus.ESME_RX_T_APPN) || st.equals(CommandStatus.ESME_RTHROTTLED)
                || st.equals(CommandStatus.ESME_RMSGQFUL);
    }
}
