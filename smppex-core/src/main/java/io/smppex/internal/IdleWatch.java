package io.smppex.internal;

import io.netty.util.concurrent.EventExecutor;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.internal.IdleTimers.Due;
import java.util.function.Function;

/**
 * The idle timers at work: one {@link EngineTimer} wakes the session when {@link IdleTimers} says
 * something may be due, each due timer is put to the handler, and its answer decides what the
 * session does ({@link #step}). {@link IdleTimers} keeps the times; this part keeps the timer and
 * the meaning of each answer. Confined to the session's event loop.
 */
final class IdleWatch {
    /** What the session does about a due idle timer once the handler has answered. */
    enum Step { NOTHING, END, UNBIND_AND_END, ENQUIRE_LINK }

    private final IdleTimers timers;
    private final Function<TimerKind, TimerAction> ask;
    private final EngineControl engine;
    private final SessionOptions opts;
    private EngineTimer timer;

    /** @param ask puts a due timer to the handler (guarded: a throwing handler means DEFAULT) */
    IdleWatch(IdleTimers timers, SessionOptions opts, Function<TimerKind, TimerAction> ask, EngineControl engine) {
        this.timers = timers;
        this.opts = opts;
        this.ask = ask;
        this.engine = engine;
    }

    void attach(EventExecutor loop) {
        timer = new EngineTimer(loop, this::fired);
    }

    /** Sets the wake-up for the earliest timer that may be due, if any is on. */
    void arm() {
        if (timers.armed() && !engine.ended()) {
            timer.wakeAt(timers.wakeAt());
        }
    }

    /** Stops every timer for good: the session has ended. */
    void stop() {
        timers.disarmAll();
        timer.cancel();
    }

    private void fired() {
        Due due;
        while (!engine.ended() && (due = timers.next(timer.now())) != Due.NONE) {
            // An enquire_link that could not go out is not put to the handler: nothing would follow.
            if (due == Due.ENQUIRE_LINK && !engine.mayEnquire()) {
                continue;
            }
            Step s = step(due, ask.apply(kind(due)));
            if (due == Due.INACTIVITY && s != Step.NOTHING) {
                // The session is ending because of it: the unbind's own traffic must not restart it.
                timers.disarm(Due.INACTIVITY);
            }
            switch (s) {
                case END -> engine.end(reason(due), false);
                case UNBIND_AND_END -> engine.end(reason(due), true);
                case ENQUIRE_LINK -> engine.enquireLink();
                default -> { }
            }
        }
        arm();
    }

    /**
     * What the handler's answer to a due timer means. IGNORE always means nothing happens this
     * period. Otherwise: session init ends the session; inactivity ends it at once on STOP and
     * unbinds first on DEFAULT; enquire_link sends one on DEFAULT and ends the session on STOP.
     */
    static Step step(Due due, TimerAction answer) {
        if (answer == TimerAction.IGNORE) {
            return Step.NOTHING;
        }
        return switch (due) {
            case SESSION_INIT -> Step.END;
            case INACTIVITY -> answer == TimerAction.STOP ? Step.END : Step.UNBIND_AND_END;
            case ENQUIRE_LINK -> answer == TimerAction.STOP ? Step.END : Step.ENQUIRE_LINK;
            case NONE -> Step.NOTHING;
        };
    }

    /** Why the session ends when {@code due} ends it. */
    StopReason reason(Due due) {
        return switch (due) {
            case SESSION_INIT -> StopReason.of(StopReason.Kind.SESSION_INIT_TIMEOUT,
                    "not bound within " + opts.sessionInitLimit());
            case INACTIVITY -> StopReason.of(StopReason.Kind.INACTIVITY_TIMEOUT,
                    "no traffic for " + opts.inactivityLimit());
            default -> StopReason.of(StopReason.Kind.HANDLER, "stopped by the enquire_link timer handler");
        };
    }

    /** The handler's name for a due timer. */
    static TimerKind kind(Due due) {
        return switch (due) {
            case SESSION_INIT -> TimerKind.SESSION_INIT;
            case INACTIVITY -> TimerKind.INACTIVITY;
            default -> TimerKind.ENQUIRE_LINK;
        };
    }
}
