package io.smppex.internal;

import io.smppex.Session;
import io.smppex.SessionObserver;
import io.smppex.StopReason;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduDecodeException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fan-out behind {@link SessionObserver#composite}: one observer failing does not keep the others from hearing. */
public final class CompositeObserver implements SessionObserver {
    private static final Logger log = LoggerFactory.getLogger(SessionObserver.class);
    private final List<SessionObserver> all;
    private final boolean octets;

    public CompositeObserver(List<SessionObserver> all) {
        this.all = all;
        this.octets = all.stream().anyMatch(SessionObserver::wantsOctets);
    }

    private interface Call {
        void on(SessionObserver o);
    }

    private void each(Call c) {
        for (SessionObserver o : all) {
            try {
                c.on(o);
            } catch (RuntimeException e) {
                log.error("session observer {} failed", o, e);
            }
        }
    }

    @Override
    public SessionObserver forSession(Session session) {
        List<SessionObserver> mine = new ArrayList<>(all.size());
        boolean same = true;
        for (SessionObserver o : all) {
            SessionObserver m = o;
            try {
                SessionObserver r = o.forSession(session);
                m = r == null ? o : r;
            } catch (RuntimeException e) {
                log.error("session observer {} failed in forSession; it watches {} as itself", o, session.id(), e);
            }
            same &= m == o;
            mine.add(m);
        }
        return same ? this : new CompositeObserver(List.copyOf(mine));
    }

    @Override
    public boolean wantsOctets() {
        return octets;
    }

    @Override
    public void sessionOpened(Session session) {
        each(o -> o.sessionOpened(session));
    }

    @Override
    public void sessionBound(Session session) {
        each(o -> o.sessionBound(session));
    }

    @Override
    public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
        each(o -> o.pduReceived(session, pdu, o.wantsOctets() ? octets : null, receivedNanos));
    }

    @Override
    public void pduUnparsed(Session session, byte[] octets, PduDecodeException error) {
        each(o -> o.pduUnparsed(session, octets, error));
    }

    @Override
    public void pdusWritten(Session session, long writtenNanos) {
        each(o -> o.pdusWritten(session, writtenNanos));
    }

    @Override
    public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
        each(o -> o.pduSent(session, pdu, sequenceNumber, o.wantsOctets() ? octets : null));
    }

    @Override
    public void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
        each(o -> o.requestSent(session, request, sequenceNumber, queuedNanos));
    }

    @Override
    public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
        each(o -> o.requestCompleted(session, request, response, roundTripNanos, answeredNanos));
    }

    @Override
    public void requestFailed(Session session, Pdu request, Throwable failure) {
        each(o -> o.requestFailed(session, request, failure));
    }

    @Override
    public void requestRetried(Session session, Pdu request, Pdu response, int attempt) {
        each(o -> o.requestRetried(session, request, response, attempt));
    }

    @Override
    public void requestGaveUp(Session session, Pdu request, Pdu response, int attempts) {
        each(o -> o.requestGaveUp(session, request, response, attempts));
    }

    @Override
    public void sessionClosed(Session session, StopReason reason) {
        each(o -> o.sessionClosed(session, reason));
    }
}
