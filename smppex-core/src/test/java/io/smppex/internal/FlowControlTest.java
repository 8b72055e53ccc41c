package io.smppex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SessionClosedException;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.pdu.PduFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Admission, the outbound queue and read pausing, on their own. */
class FlowControlTest {
    private static FlowControl flow(int window, int queue, SessionOptions.WindowFullPolicy policy, int inbound) {
        return new FlowControl(SessionOptions.builder().windowSize(window).maxQueued(queue).windowFullPolicy(policy)
                .inboundWindow(inbound).build());
    }

    private static PendingRequest request() {
        return new PendingRequest(PduFactory.enquireLink(), null);
    }

    @Test
    void admitsWindowPlusQueueThenRefusesUntilReleased() {
        FlowControl f = flow(3, 2, SessionOptions.WindowFullPolicy.QUEUE, 10);
        for (int i = 0; i < 5; i++) {
            assertThat(f.admit()).isTrue();
        }
        assertThat(f.admit()).isFalse();
        assertThat(f.full()).hasMessageContaining("window of 3 and queue of 2 are full");
        f.release();
        assertThat(f.admitted()).isEqualTo(4);
        assertThat(f.admit()).isTrue();
    }

    @Test
    void underFailTheWindowAloneLimits() {
        FlowControl f = flow(2, 100, SessionOptions.WindowFullPolicy.FAIL, 10);
        assertThat(f.admit()).isTrue();
        assertThat(f.admit()).isTrue();
        assertThat(f.admit()).isFalse();
        assertThat(f.full()).hasMessageContaining("window of 2 is full");
    }

    @Test
    void windowAvailableIsSharedCompletesOnReleaseAndFailsOnClose() {
        FlowControl f = flow(1, 0, SessionOptions.WindowFullPolicy.QUEUE, 10);
        assertThat(f.available().toCompletableFuture()).isDone();
        f.admit();
        CompletableFuture<Void> a = f.available().toCompletableFuture();
        CompletableFuture<Void> b = f.available().toCompletableFuture();
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();
        f.release();
        assertThat(a).isCompleted();
        assertThat(b).isCompleted();

        f.admit();
        CompletionStage<Void> c = f.available();
        f.close(new SessionClosedException(StopReason.of(StopReason.Kind.LOCAL, "x")));
        assertThat(c.toCompletableFuture()).isCompletedExceptionally();
        assertThat(f.available().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void queueTakesWhatMustWaitAndGivesItBackWhenASlotFrees() {
        FlowControl f = flow(1, 2, SessionOptions.WindowFullPolicy.QUEUE, 10);
        assertThat(f.mustWait(0, true)).isFalse();
        assertThat(f.mustWait(1, true)).isTrue();
        assertThat(f.mustWait(0, false)).as("not writable").isTrue();
        PendingRequest a = request();
        PendingRequest b = request();
        assertThat(f.enqueue(a, true)).isNull();
        assertThat(f.enqueue(b, true)).isNull();
        assertThat(f.enqueue(request(), true)).hasMessageContaining("are full");
        assertThat(f.queuedCount()).isEqualTo(2);
        assertThat(f.mustWait(0, true)).as("others are queued first").isTrue();
        assertThat(f.nextToSend(1, true)).isNull();
        assertThat(f.nextToSend(0, false)).isNull();
        assertThat(f.nextToSend(0, true)).isSameAs(a);
        List<PendingRequest> rest = new ArrayList<>();
        f.drainQueue(rest);
        assertThat(rest).containsExactly(b);
        assertThat(f.queuedCount()).isZero();
    }

    @Test
    void failPolicyNeverQueues() {
        FlowControl f = flow(1, 2, SessionOptions.WindowFullPolicy.FAIL, 10);
        assertThat(f.enqueue(request(), true)).hasMessageContaining("window of 1 is full");
        assertThat(f.enqueue(request(), false)).hasMessageContaining("not writable");
        assertThat(f.queuedCount()).isZero();
    }

    @Test
    void readingPausesAtTheInboundWindowAndResumesOneAnswerBelowIt() {
        FlowControl f = flow(1, 1, SessionOptions.WindowFullPolicy.QUEUE, 2);
        assertThat(f.requestIn()).isFalse();
        assertThat(f.wantsRead(true)).isTrue();
        assertThat(f.requestIn()).isTrue();
        assertThat(f.wantsRead(true)).isFalse();
        assertThat(f.requestAnswered()).isTrue();
        assertThat(f.wantsRead(true)).isTrue();
        assertThat(f.wantsRead(false)).as("not writable: stop reading too").isFalse();
        assertThat(f.requestAnswered()).isFalse();
        assertThat(f.requestAnswered()).as("more answers than requests change nothing").isFalse();
        assertThat(f.unanswered()).isZero();
    }
}
