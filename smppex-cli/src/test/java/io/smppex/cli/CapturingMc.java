package io.smppex.cli;

import io.smppex.BindAuthenticator;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A bare library Mc that records what smppsend sends, to check the PDUs field by field. */
final class CapturingMc implements AutoCloseable {
    final List<SubmitSm> submits = new CopyOnWriteArrayList<>();
    final List<Bind> binds = new CopyOnWriteArrayList<>();
    /** submit_sm answered ESME_RTHROTTLED; {@link #submits} holds only the accepted ones. */
    final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Mc mc;

    CapturingMc() {
        this(-1);
    }

    /**
     * An MC that answers ESME_RTHROTTLED above {@code maxSubmitRate} submit_sm per second on each
     * session (a token bucket holding a second's worth), as a throttling SMSC does; 0 throttles
     * every submit_sm, a negative rate none.
     */
    CapturingMc(double maxSubmitRate) {
        mc = Mc.start(() -> new SessionHandler() {
            private double tokens = maxSubmitRate;
            private long last = System.nanoTime();

            private boolean throttle() {
                if (maxSubmitRate < 0) {
                    return false;
                }
                long now = System.nanoTime();
                tokens = Math.min(maxSubmitRate, tokens + (now - last) * maxSubmitRate / 1e9);
                last = now;
                if (tokens >= 1) {
                    tokens--;
                    return false;
                }
                return true;
            }

            @Override
            public void onBound(Session session, Bind bind) {
                binds.add(bind);
            }

            @Override
            public void onRequest(Session s, Pdu req) {
                if (req instanceof SubmitSm && throttle()) {
                    throttled.incrementAndGet();
                    s.reply(req, PduFactory.submitSmResp(CommandStatus.ESME_RTHROTTLED, ""));
                } else if (req instanceof SubmitSm) {
                    submits.add((SubmitSm) req);
                    s.reply(req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "cap-" + ids.incrementAndGet()));
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        }, McOptions.builder().bindAddress("127.0.0.1").port(0).authenticator(BindAuthenticator.acceptAll()).build());
    }

    String port() {
        return Integer.toString(mc.port());
    }

    @Override
    public void close() {
        mc.close();
    }
}
