package io.smppex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A listener that is not listening gets no message, session or MO events, and gets them again once it is;
 * one that blocks never holds the MC up.
 */
class ListeningTest {
    private static final Duration T = Duration.ofSeconds(5);

    /** Hears message and session events only while {@code on} is set. */
    private static final class Switched implements SimListener {
        volatile boolean on;
        final List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        final List<SessionEvent> sessions = new CopyOnWriteArrayList<>();

        @Override
        public boolean listening() {
            return on;
        }

        @Override
        public void onMessage(MessageEvent event) {
            messages.add(event);
        }

        @Override
        public void onSession(SessionEvent event) {
            sessions.add(event);
        }
    }

    private static SubmitSm sm(String text) {
        return PduFactory.submitSm(Address.of("111"), Address.of("222"), text, 0);
    }

    @Test
    void eventsAreMadeOnlyWhileTheListenerListens() throws Exception {
        Switched l = new Switched();
        try (SmppSimulator sim = SmppSimulator.builder().port(0).holdReceipts(true).listener(l).start();
                SyncEsme e = Esmes.trx(sim, "a")) {
            e.request(sm("unheard"), T);
            sim.flushEvents().get(5, TimeUnit.SECONDS);
            assertThat(l.messages).isEmpty();
            assertThat(l.sessions).isEmpty();
            // The journal keeps the message all the same: only the event was skipped.
            assertThat(sim.journal().size()).isEqualTo(1);

            l.on = true;
            e.request(sm("heard"), T);
            sim.flushEvents().get(5, TimeUnit.SECONDS);
            assertThat(l.messages).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(MessageEvent.Kind.ACCEPTED);
                assertThat(m.message().text()).isEqualTo("heard");
            });

            l.on = false;
            e.request(sm("unheard again"), T);
            sim.flushEvents().get(5, TimeUnit.SECONDS);
            assertThat(l.messages).hasSize(1);
            assertThat(sim.journal().size()).isEqualTo(3);
            assertThat(sim.stats().eventsDropped()).isZero();
        }
    }

    @Test
    void aListenerThatBlocksNeverHoldsTheMcUp() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SimListener stuck = new SimListener() {
            @Override
            public void onMessage(MessageEvent event) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (SmppSimulator sim = SmppSimulator.builder().port(0).holdReceipts(true).eventQueueCapacity(2).listener(stuck).start();
                SyncEsme e = Esmes.trx(sim, "a")) {
            for (int i = 0; i < 20; i++) {
                assertThat(e.request(sm("m" + i), T).status().isOk()).isTrue();
            }
            // One event is being heard, two wait: the rest were dropped and counted, not waited for.
            assertThat(sim.stats().eventsDropped()).isGreaterThanOrEqualTo(20 - 3);
            assertThat(sim.journal().size()).isEqualTo(20);
        } finally {
            release.countDown();
        }
    }
}
