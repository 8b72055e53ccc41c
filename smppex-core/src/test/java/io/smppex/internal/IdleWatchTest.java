package io.smppex.internal;

import static io.smppex.internal.SessionOptionsAccess.nanos;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.TimerAction;
import io.smppex.TimerKind;
import io.smppex.internal.IdleTimers.Due;
import io.smppex.internal.IdleWatch.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The idle timers at work, on an embedded event loop with a frozen clock and a recording engine. */
class IdleWatchTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingControl engine = new RecordingControl();
    private final List<TimerKind> asked = new ArrayList<>();
    private Function<TimerKind, TimerAction> answer = k -> TimerAction.DEFAULT;

    IdleWatchTest() {
        channel.freezeTime();
    }

    private IdleWatch started(SessionOptions opts) {
        IdleTimers timers = new IdleTimers(nanos(opts.enquireLinkLimit()), nanos(opts.inactivityLimit()),
                nanos(opts.sessionInitLimit()));
        IdleWatch w = new IdleWatch(timers, opts, k -> {
            asked.add(k);
            return answer.apply(k);
        }, engine);
        w.attach(channel.eventLoop());
        timers.start(channel.eventLoop().ticker().nanoTime());
        w.arm();
        return w;
    }

    private static SessionOptions.Builder off() {
        return SessionOptions.builder().enquireLinkLimit(Duration.ZERO).inactivityLimit(Duration.ZERO)
                .sessionInitLimit(Duration.ZERO);
    }

    private void advanceSeconds(long s) {
        channel.advanceTimeBy(s, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void theHandlersAnswerDecidesWhatADueTimerDoes() {
        for (Due due : List.of(Due.SESSION_INIT, Due.INACTIVITY, Due.ENQUIRE_LINK)) {
            assertThat(IdleWatch.step(due, TimerAction.IGNORE)).as("%s ignored", due).isEqualTo(Step.NOTHING);
        }
        assertThat(IdleWatch.step(Due.SESSION_INIT, TimerAction.DEFAULT)).isEqualTo(Step.END);
        assertThat(IdleWatch.step(Due.SESSION_INIT, TimerAction.STOP)).isEqualTo(Step.END);
        assertThat(IdleWatch.step(Due.INACTIVITY, TimerAction.DEFAULT)).isEqualTo(Step.UNBIND_AND_END);
        assertThat(IdleWatch.step(Due.INACTIVITY, TimerAction.STOP)).isEqualTo(Step.END);
        assertThat(IdleWatch.step(Due.ENQUIRE_LINK, TimerAction.DEFAULT)).isEqualTo(Step.ENQUIRE_LINK);
        assertThat(IdleWatch.step(Due.ENQUIRE_LINK, TimerAction.STOP)).isEqualTo(Step.END);
        assertThat(IdleWatch.step(Due.NONE, TimerAction.DEFAULT)).isEqualTo(Step.NOTHING);
    }

    @Test
    void aDueEnquireLinkGoesOutEachPeriodButIsNotPutToTheHandlerWhenItCouldNotGoOut() {
        started(off().enquireLinkLimit(Duration.ofSeconds(30)).build());
        advanceSeconds(30);
        assertThat(asked).containsExactly(TimerKind.ENQUIRE_LINK);
        assertThat(engine.enquireLinks).isEqualTo(1);

        engine.mayEnquire = false;
        advanceSeconds(30);
        assertThat(asked).as("not bound, stopping, or one in flight").hasSize(1);
        assertThat(engine.enquireLinks).isEqualTo(1);

        engine.mayEnquire = true;
        advanceSeconds(30);
        assertThat(engine.enquireLinks).isEqualTo(2);
        assertThat(engine.ends).isEmpty();
    }

    @Test
    void inactivityUnbindsFirstOnDefaultAndIsNotDueAgain() {
        started(off().inactivityLimit(Duration.ofSeconds(60)).build());
        advanceSeconds(59);
        assertThat(asked).isEmpty();
        advanceSeconds(1);
        assertThat(engine.ends).singleElement().satisfies(e -> {
            assertThat(e.unbindFirst()).isTrue();
            assertThat(e.reason().kind()).isEqualTo(StopReason.Kind.INACTIVITY_TIMEOUT);
        });
        advanceSeconds(300);
        assertThat(asked).as("disarmed once it ends the session").containsExactly(TimerKind.INACTIVITY);
    }

    @Test
    void aStopAnswerEndsAtOnceWithTheTimersOwnReason() {
        answer = k -> TimerAction.STOP;
        started(off().enquireLinkLimit(Duration.ofSeconds(30)).build());
        advanceSeconds(30);
        assertThat(engine.ends).singleElement().satisfies(e -> {
            assertThat(e.unbindFirst()).isFalse();
            assertThat(e.reason().kind()).isEqualTo(StopReason.Kind.HANDLER);
        });
        assertThat(engine.enquireLinks).isZero();
    }

    @Test
    void anIgnoredSessionInitIsAskedAgainAPeriodLaterAndEndsTheSessionOtherwise() {
        answer = k -> TimerAction.IGNORE;
        started(off().sessionInitLimit(Duration.ofSeconds(10)).build());
        advanceSeconds(10);
        advanceSeconds(10);
        assertThat(asked).containsExactly(TimerKind.SESSION_INIT, TimerKind.SESSION_INIT);
        assertThat(engine.ends).isEmpty();

        answer = k -> TimerAction.DEFAULT;
        advanceSeconds(10);
        assertThat(engine.ends).singleElement().satisfies(e -> {
            assertThat(e.unbindFirst()).isFalse();
            assertThat(e.reason().kind()).isEqualTo(StopReason.Kind.SESSION_INIT_TIMEOUT);
            assertThat(e.reason().detail()).isEqualTo("not bound within PT10S");
        });
    }

    @Test
    void nothingIsDueOnceTheSessionHasEndedOrTheWatchStopped() {
        started(off().enquireLinkLimit(Duration.ofSeconds(30)).build());
        engine.ended = true;
        advanceSeconds(30);
        assertThat(asked).isEmpty();

        engine.ended = false;
        IdleWatch w = started(off().enquireLinkLimit(Duration.ofSeconds(30)).build());
        w.stop();
        advanceSeconds(60);
        assertThat(asked).as("only the first watch, which was woken once ended").isEmpty();
        assertThat(channel.runScheduledPendingTasks()).as("no timer left").isEqualTo(-1);
    }
}
