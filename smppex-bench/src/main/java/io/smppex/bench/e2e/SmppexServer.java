package io.smppex.bench.e2e;

import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.bench.Fixtures;
import io.smppex.SessionObserver;
import io.smppex.pdu.Bind;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMPPEX {@link Mc} as its documentation sets one up: a handler per session that answers each
 * submit_sm with a new submit_sm_resp carrying the fixture message_id. Everything else is default
 * except the window, which only limits requests the MC itself sends (none here). With metrics,
 * every session gets {@link BenchMetrics#metrics the harness's SmppMetrics}.
 */
public final class SmppexServer implements BenchServer {
    private final Mc mc;
    private final AtomicInteger bound = new AtomicInteger();

    public SmppexServer(int window, boolean metrics) {
        SessionObserver m = metrics ? BenchMetrics.observer() : null;
        SessionOptions session = SessionOptions.builder().windowSize(window).observer(m).build();
        mc = Mc.start(Handler::new, McOptions.builder().bindAddress("127.0.0.1").port(0).session(session).build());
    }

    private final class Handler implements SessionHandler {
        private boolean counted;

        @Override
        public void onRequest(Session session, Pdu request) {
            if (request instanceof SubmitSm) {
                session.reply(request, PduFactory.submitSmResp(CommandStatus.ESME_ROK, Fixtures.MESSAGE_ID));
            } else {
                SessionHandler.super.onRequest(session, request);
            }
        }

        @Override
        public void onBound(Session session, Bind bind) {
            counted = true;
            bound.incrementAndGet();
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            if (counted) {
                bound.decrementAndGet();
            }
            return List.of();
        }
    }

    @Override
    public int port() {
        return mc.port();
    }

    @Override
    public int boundSessions() {
        return bound.get();
    }

    @Override
    public void close() {
        mc.stop().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
