package io.smppex.micrometer.internal;

import io.smppex.Session;
import io.smppex.SessionRole;
import io.smppex.pdu.Bind;

/**
 * What the metrics keep for one open session. Written only on the session's event loop; the
 * gauges read {@link #session()} and {@link #windowSize()} from other threads, both safe to read
 * there.
 */
final class SessionState {
    private final Session session;
    private final SessionRole role;
    private final int windowSize;
    private final int maxTimed;
    private Group group;
    private SeqTable inbound;
    private SeqTable probes;
    private Bind bind;

    /**
     * @param group the group of its role's unbound sessions
     * @param maxTimed how many received requests it times at once
     */
    public SessionState(Session session, Group group, int maxTimed) {
        this.session = session;
        this.role = session.role();
        this.windowSize = session.options().windowSize();
        this.group = group;
        this.maxTimed = maxTimed;
    }

    /** The session. */
    public Session session() {
        return session;
    }

    /** Its role. */
    public SessionRole role() {
        return role;
    }

    /** Its window size. */
    public int windowSize() {
        return windowSize;
    }

    /** The group it records into now. */
    public Group group() {
        return group;
    }

    /** Moves it to {@code g} (when it becomes bound). */
    public void moveTo(Group g) {
        if (g != group) {
            group.leave(this);
            group = g;
            g.join(this);
        }
    }

    /** Requests received and not yet answered, with their arrival times. */
    public SeqTable inbound() {
        SeqTable t = inbound;
        if (t == null) {
            t = new SeqTable(maxTimed);
            inbound = t;
        }
        return t;
    }

    /** The table of received requests if any request arrived yet, else null (client sessions never make one). */
    public SeqTable inboundIfAny() {
        return inbound;
    }

    /** The table of probes if any was sent yet, else null. */
    public SeqTable probesIfAny() {
        return probes;
    }

    /** enquire_link sent and not yet answered; a handful at most is kept. */
    public SeqTable probes() {
        SeqTable t = probes;
        if (t == null) {
            t = new SeqTable(8);
            probes = t;
        }
        return t;
    }

    /** The bind this session sent (ESME) or received (MC), until its response passes. */
    public Bind bind() {
        return bind;
    }

    /** Remembers the bind in flight. */
    public void bind(Bind b) {
        bind = b;
    }
}
