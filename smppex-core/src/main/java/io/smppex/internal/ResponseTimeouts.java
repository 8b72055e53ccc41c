package io.smppex.internal;

import io.smppex.ResponseTimeoutException;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.pdu.Pdu;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What it means that a request of ours got no response in time, by what it was: any request fails
 * with {@link ResponseTimeoutException} on its own limit; an unanswered automatic enquire_link ends
 * the session unless the handler ignores it; an unanswered unbind ends it anyway. The engine's own
 * requests time out without telling the handler, unless the options show them. Confined to the
 * session's event loop.
 */
final class ResponseTimeouts implements InFlight.Expiry {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    private final String id;
    private final SessionOptions opts;
    private final Guarded calls;
    private final EngineControl engine;

    ResponseTimeouts(String id, SessionOptions opts, Guarded calls, EngineControl engine) {
        this.id = id;
        this.opts = opts;
        this.calls = calls;
        this.engine = engine;
    }

    /** {@code p}'s deadline passed and it has left the in-flight table. */
    @Override
    public void expired(PendingRequest p) {
        Duration limit = limit(p.kind, opts);
        switch (p.kind) {
            case InFlight.ENQUIRE_LINK -> {
                // Asked before the request fails, so the handler decides before anyone hears of it.
                TimerAction a = calls.onTimer(TimerKind.ENQUIRE_LINK_RESP);
                fail(p, limit);
                if (a != TimerAction.IGNORE) {
                    engine.end(StopReason.of(StopReason.Kind.ENQUIRE_LINK_TIMEOUT,
                            "no enquire_link_resp within " + limit), false);
                }
            }
            case InFlight.UNBIND -> {
                fail(p, limit);
                engine.unbindDone(StopReason.of(StopReason.Kind.LOCAL, "no unbind_resp within " + limit));
            }
            default -> fail(p, limit);
        }
    }

    /** Timeouts free window slots: what waits may go out, unless one of them ended the session. */
    @Override
    public void sweepDone() {
        if (!engine.ended()) {
            engine.windowFreed();
        }
    }

    /** The response limit a request of {@code kind} waits on. */
    static Duration limit(int kind, SessionOptions opts) {
        return switch (kind) {
            case InFlight.ENQUIRE_LINK -> opts.enquireLinkRespLimit();
            case InFlight.UNBIND -> opts.unbindResponseLimit();
            case InFlight.BIND -> opts.bindResponseLimit();
            default -> opts.responseLimit();
        };
    }

    private void fail(PendingRequest p, Duration limit) {
        Pdu request = p.request();
        log.info("{}: no response to {} seq={} within {}", id, request.commandName(), p.seq, limit);
        if (!p.internal || opts.showEnginePdus()) {
            calls.onResponseTimeout(request);
        }
        p.completeExceptionally(new ResponseTimeoutException(request, limit));
    }
}
