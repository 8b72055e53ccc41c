package io.smppex.cli;

import io.smppex.sim.MessageEvent;
import io.smppex.sim.MoEvent;
import io.smppex.sim.PduEvent;
import io.smppex.sim.SessionEvent;
import io.smppex.sim.SimListener;
import java.util.List;

/**
 * Several listeners behind the one a simulator takes: the printer, the MO feeder and the web
 * console's backend each hear every event, in order, on the simulator's event thread.
 */
final class SimListeners implements SimListener {
    private final List<SimListener> all;
    private final List<SimListener> pduListeners;

    private SimListeners(List<SimListener> all) {
        this.all = all;
        this.pduListeners = all.stream().filter(SimListener::wantsPdus).toList();
    }

    static SimListener of(List<SimListener> listeners) {
        return listeners.size() == 1 ? listeners.get(0) : new SimListeners(List.copyOf(listeners));
    }

    @Override
    public boolean wantsPdus() {
        return !pduListeners.isEmpty();
    }

    /**
     * Listening while any of them is, asked in order up to the first that is: the web console's
     * backend listens only while a stream is open and has room, and counts what it turns away.
     */
    @Override
    public boolean listening() {
        for (SimListener l : all) {
            if (l.listening()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onPdu(PduEvent event) {
        for (SimListener l : pduListeners) {
            l.onPdu(event);
        }
    }

    @Override
    public void onMessage(MessageEvent event) {
        for (SimListener l : all) {
            l.onMessage(event);
        }
    }

    @Override
    public void onSession(SessionEvent event) {
        for (SimListener l : all) {
            l.onSession(event);
        }
    }

    @Override
    public void onMo(MoEvent event) {
        for (SimListener l : all) {
            l.onMo(event);
        }
    }
}
