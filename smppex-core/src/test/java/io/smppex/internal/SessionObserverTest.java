package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static io.smppex.internal.EngineHarness.submit;
import static io.smppex.internal.SessionEngineWindowTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.WindowFullException;
import io.smppex.pdu.EnquireLink;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionObserverTest {

    /** Writes down every callback as a line, in order. */
    static final class Recorder implements SessionObserver {
        final boolean octets;
        final List<String> events = new ArrayList<>();
        final List<byte[]> received = new ArrayList<>();
        final List<byte[]> sent = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        final List<Long> durations = new ArrayList<>();

        Recorder(boolean octets) {
            this.octets = octets;
        }

        @Override
        public boolean wantsOctets() {
            return octets;
        }

        @Override
        public void sessionOpened(Session session) {
            events.add("opened");
        }

        @Override
        public void sessionBound(Session session) {
            events.add("bound " + session.bindMode().orElseThrow().shortName());
        }

        @Override
        public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
            events.add("in " + pdu.commandName() + " " + pdu.sequenceNumber());
            received.add(octets);
        }

        @Override
        public void pduUnparsed(Session session, byte[] octets, PduDecodeException error) {
            events.add("unparsed " + error.reason());
        }

        @Override
        public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
            events.add("out " + pdu.commandName() + " " + sequenceNumber);
            sent.add(octets);
        }

        @Override
        public void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
            events.add("sent " + request.commandName() + " " + sequenceNumber);
            durations.add(queuedNanos);
        }

        @Override
        public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
            events.add("completed " + request.commandName() + " " + response.status().name());
            durations.add(roundTripNanos);
        }

        @Override
        public void requestFailed(Session session, Pdu request, Throwable failure) {
            events.add("failed " + request.commandName() + " " + failure.getClass().getSimpleName());
            failures.add(failure);
        }

        @Override
        public void sessionClosed(Session session, StopReason reason) {
            events.add("closed " + reason.kind());
        }
    }

    private static SessionOptions.Builder observed(SessionObserver o) {
        return quiet().observer(o);
    }

    @Test
    void aBoundEsmeReportsOpenBindSubmitAndCloseInOrder() {
        Recorder r = new Recorder(false);
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(r).build());
        h.engine.send(submit("hi"));
        Pdu s = h.writtenOne();
        h.receive(ok(s));
        h.engine.close();
        h.settle();
        assertThat(r.events).containsExactly(
                "opened",
                "out bind_transmitter 1", "sent bind_transmitter 1",
                "in bind_transmitter_resp 1", "bound tx", "completed bind_transmitter ESME_ROK",
                "out submit_sm 2", "sent submit_sm 2",
                "in submit_sm_resp 2", "completed submit_sm ESME_ROK",
                "closed LOCAL");
    }

    @Test
    void theTimesHandedOverAreTheSessionsClockAtArrivalAndAtTheWrite() {
        List<Long> times = new ArrayList<>();
        long[] writtenAt = new long[1];
        SessionObserver o = new SessionObserver() {
            @Override
            public void pduReceived(Session session, Pdu pdu, byte[] octets, long receivedNanos) {
                // Read on the frozen clock, so the session's own clock must show the same instant.
                times.add(receivedNanos - session.nanoTime());
            }

            @Override
            public void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
                writtenAt[0] = session.nanoTime();
            }

            @Override
            public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
                times.add(answeredNanos - session.nanoTime());
                times.add(answeredNanos - roundTripNanos - writtenAt[0]);
                times.add(roundTripNanos);
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(o).build());
        times.clear();
        h.engine.send(submit("timed"));
        Pdu s = h.writtenOne();
        h.advanceMillis(250);
        h.receive(ok(s));
        // Arrival is now; the request was written 250 ms before it, exactly, on the same clock.
        assertThat(times).containsExactly(0L, 0L, 0L, Duration.ofMillis(250).toNanos());
    }

    @Test
    void onePdusWrittenFollowsTheResponsesOfOneReadAtTheSessionsClock() {
        List<String> events = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        SessionObserver o = new SessionObserver() {
            @Override
            public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
                events.add("sent " + sequenceNumber);
                at.add(session.nanoTime());
            }

            @Override
            public void pdusWritten(Session session, long writtenNanos) {
                events.add("written");
                at.add(writtenNanos);
            }
        };
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, observed(o).build());
        h.handler.onRequestAction = (s, p) -> {
            // Each answer takes 5 ms of the frozen clock: the write's time must come after all three.
            h.advanceMillis(5);
            s.reply(p, SubmitSmResp.builder().messageId("m" + p.sequenceNumber()).build());
        };
        h.written();
        events.clear();
        at.clear();
        h.receiveTogether(submit("a").toBuilder().sequenceNumber(11).build(),
                submit("b").toBuilder().sequenceNumber(12).build(), submit("c").toBuilder().sequenceNumber(13).build());
        assertThat(h.written()).hasSize(3);
        assertThat(events).containsExactly("sent 11", "sent 12", "sent 13", "written");
        assertThat(at.get(3) - at.get(0)).isEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(at.get(3)).isEqualTo(at.get(2));
    }

    @Test
    void aWriteOutsideAReadIsReportedWhenTheLoopsPassWritesIt() {
        List<String> events = new ArrayList<>();
        SessionObserver o = new SessionObserver() {
            @Override
            public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
                events.add("sent");
            }

            @Override
            public void pdusWritten(Session session, long writtenNanos) {
                events.add("written");
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(o).build());
        h.written();
        events.clear();
        h.engine.send(submit("one"));
        h.engine.send(submit("two"));
        assertThat(h.written()).hasSize(2);
        assertThat(events).containsExactly("sent", "sent", "written");
    }

    @Test
    void theRequestCallbacksGetTheApplicationsOwnPduAndTheNumberItWentOutWith() {
        List<Object> seen = new ArrayList<>();
        SessionObserver o = new SessionObserver() {
            @Override
            public void requestSent(Session session, Pdu request, int sequenceNumber, long queuedNanos) {
                seen.add(request);
                seen.add(sequenceNumber);
            }

            @Override
            public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
                seen.add(request);
                seen.add(response.sequenceNumber());
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(o).build());
        seen.clear();
        Pdu mine = submit("no copy");
        h.engine.send(mine);
        Pdu wire = h.writtenOne();
        h.receive(ok(wire));
        assertThat(wire.sequenceNumber()).isNotZero();
        assertThat(seen).hasSize(4);
        // The same instance, not a numbered copy: the copy per request was what metrics paid most for.
        assertThat(seen.get(0)).isSameAs(mine);
        assertThat(seen.get(2)).isSameAs(mine);
        assertThat(seen.get(1)).isEqualTo(wire.sequenceNumber());
        assertThat(seen.get(3)).isEqualTo(wire.sequenceNumber());
    }

    @Test
    void theEnginesOwnAnswersAreSeenAsPdusButNotAsRequests() {
        Recorder r = new Recorder(false);
        EngineHarness h = EngineHarness.boundMc(BindMode.TRANSCEIVER, observed(r).build());
        r.events.clear();
        h.receive(EnquireLink.create().withSequenceNumber(7));
        h.receiveRaw(new byte[] {0, 0, 0, 16, 0, 0, 0, 0x77, 0, 0, 0, 0, 0, 0, 0, 9});
        h.written();
        assertThat(r.events).containsExactly(
                "in enquire_link 7", "out enquire_link_resp 7",
                "unparsed UNKNOWN_COMMAND_ID", "out generic_nack 9");
    }

    @Test
    void theEnginesOwnKeepAliveIsAPduNotARequest() {
        Recorder r = new Recorder(false);
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                observed(r).enquireLinkLimit(Duration.ofSeconds(30)).build());
        r.events.clear();
        h.advanceSeconds(30);
        Pdu probe = h.writtenOne();
        assertThat(probe.commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
        h.receive(PduFactory.enquireLinkResp().withSequenceNumber(probe.sequenceNumber()));
        assertThat(r.events).containsExactly("out enquire_link " + probe.sequenceNumber(),
                "in enquire_link_resp " + probe.sequenceNumber());
    }

    @Test
    void octetsAreExactlyWhatCrossedTheWire() {
        Recorder r = new Recorder(true);
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(r).build());
        h.engine.send(submit("octets"));
        Pdu s = h.writtenOne();
        Pdu resp = ok(s);
        h.receive(resp);
        assertThat(r.sent.get(r.sent.size() - 1)).isEqualTo(EngineHarness.CODEC.encode(s));
        assertThat(r.received.get(r.received.size() - 1)).isEqualTo(EngineHarness.CODEC.encode(resp));
    }

    @Test
    void withoutAskingForOctetsNoneAreCopied() {
        Recorder r = new Recorder(false);
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(r).build());
        assertThat(r.sent).containsOnlyNulls().isNotEmpty();
        assertThat(r.received).containsOnlyNulls().isNotEmpty();
        assertThat(h.engine.state().isBound()).isTrue();
    }

    @Nested
    class RequestOutcomes {
        @Test
        void aTimeoutIsOneFailureWithTheTimeoutException() {
            Recorder r = new Recorder(false);
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                    observed(r).responseLimit(Duration.ofSeconds(10)).build());
            h.engine.send(submit("slow"));
            h.written();
            h.advanceSeconds(10);
            assertThat(r.failures).singleElement().isInstanceOf(ResponseTimeoutException.class);
        }

        @Test
        void requestsLostAtCloseAreEachReportedOnceBeforeTheClose() {
            Recorder r = new Recorder(false);
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                    observed(r).windowSize(2).maxQueued(5).build());
            for (int i = 0; i < 4; i++) {
                h.engine.send(submit("m" + i));
            }
            h.written();
            h.engine.close();
            h.settle();
            assertThat(r.failures).hasSize(4).allMatch(t -> t instanceof SessionClosedException);
            assertThat(r.events.get(r.events.size() - 1)).isEqualTo("closed LOCAL");
            assertThat(h.handler.stops.get(0).lost()).hasSize(4);
        }

        @Test
        void aRefusedSendIsAFailureToo() {
            Recorder r = new Recorder(false);
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                    observed(r).windowSize(1).windowFullPolicy(SessionOptions.WindowFullPolicy.FAIL).build());
            h.engine.send(submit("a"));
            h.engine.send(submit("b"));
            h.written();
            assertThat(r.failures).singleElement().isInstanceOf(WindowFullException.class);
        }

        @Test
        void aGenericNackIsACompletionNotAlsoAFailure() {
            Recorder r = new Recorder(false);
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(r).build());
            h.engine.send(submit("nacked"));
            Pdu s = h.writtenOne();
            h.receive(PduFactory.genericNack(CommandStatus.ESME_RSYSERR, s.sequenceNumber()));
            assertThat(r.events).contains("completed submit_sm ESME_RSYSERR");
            assertThat(r.failures).isEmpty();
        }

        @Test
        void timesComeFromTheSessionsClock() {
            Recorder r = new Recorder(false);
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(r).windowSize(1).build());
            r.durations.clear();
            h.engine.send(submit("first"));
            h.engine.send(submit("second"));
            Pdu first = h.writtenOne();
            h.advanceMillis(250);
            h.receive(ok(first));
            Pdu second = h.writtenOne();
            h.receive(ok(second));
            // first: queued 0, round trip 250 ms; second: queued 250 ms, round trip 0
            assertThat(r.durations).containsExactly(0L, Duration.ofMillis(250).toNanos(),
                    Duration.ofMillis(250).toNanos(), 0L);
        }
    }

    @Test
    void aFailingObserverNeitherStopsTheSessionNorTheOthers() {
        Recorder good = new Recorder(false);
        SessionObserver bad = new SessionObserver() {
            @Override
            public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
                throw new IllegalStateException("observer bug");
            }
        };
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER,
                observed(SessionObserver.composite(bad, good)).build());
        h.engine.send(submit("still works"));
        Pdu s = h.writtenOne();
        h.receive(ok(s));
        assertThat(good.events).contains("completed submit_sm ESME_ROK");
    }

    @Test
    void aCompositeCopiesOctetsOnlyForThoseWhoAsked() {
        Recorder wants = new Recorder(true);
        Recorder not = new Recorder(false);
        EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(SessionObserver.composite(wants, not)).build());
        assertThat(wants.sent).doesNotContainNull().isNotEmpty();
        assertThat(not.sent).containsOnlyNulls().isNotEmpty();
    }
    /** Hands each session a Recorder of its own, and remembers which session each went to. */
    static final class PerSession implements SessionObserver {
        final List<Session> asked = new ArrayList<>();
        final List<Recorder> made = new ArrayList<>();
        final Recorder shared = new Recorder(false);

        @Override
        public SessionObserver forSession(Session session) {
            asked.add(session);
            Recorder r = new Recorder(asked.size() == 1);
            made.add(r);
            return r;
        }

        @Override
        public void pduSent(Session session, Pdu pdu, int sequenceNumber, byte[] octets) {
            shared.pduSent(session, pdu, sequenceNumber, octets);
        }
    }

    @Test
    void eachSessionGetsTheObserverForSessionReturnedForItAndItsOctetWish() {
        PerSession p = new PerSession();
        SessionOptions opts = observed(p).build();
        EngineHarness a = EngineHarness.boundEsme(BindMode.TRANSMITTER, opts);
        EngineHarness b = EngineHarness.boundEsme(BindMode.RECEIVER, opts);
        a.engine.send(submit("to a"));
        Pdu s = a.writtenOne();
        a.receive(ok(s));
        assertThat(p.asked).containsExactly(a.engine, b.engine);
        assertThat(p.made.get(0).events).startsWith("opened").contains("bound tx", "completed submit_sm ESME_ROK");
        assertThat(p.made.get(1).events).startsWith("opened").contains("bound rx").doesNotContain("out submit_sm 2");
        assertThat(p.shared.events).as("the shared observer hears nothing once each session has its own").isEmpty();
        // wantsOctets is asked of the per-session observer: only the first wanted them.
        assertThat(p.made.get(0).sent).doesNotContainNull().isNotEmpty();
        assertThat(p.made.get(1).sent).containsOnlyNulls().isNotEmpty();
    }

    @Test
    void aFailingOrNullForSessionLeavesTheSharedObserverWatching() {
        for (boolean fails : List.of(true, false)) {
            Recorder shared = new Recorder(false);
            SessionObserver o = new SessionObserver() {
                @Override
                public SessionObserver forSession(Session session) {
                    if (fails) {
                        throw new IllegalStateException("observer bug");
                    }
                    return null;
                }

                @Override
                public void requestCompleted(Session session, Pdu request, Pdu response, long roundTripNanos, long answeredNanos) {
                    shared.requestCompleted(session, request, response, roundTripNanos, answeredNanos);
                }
            };
            EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(o).build());
            h.engine.send(submit("still watched"));
            Pdu s = h.writtenOne();
            h.receive(ok(s));
            assertThat(shared.events).as("forSession fails: " + fails).contains("completed submit_sm ESME_ROK");
        }
    }

    @Test
    void aCompositeAsksEachOfItsObserversForTheirSessionObserver() {
        PerSession p = new PerSession();
        Recorder plain = new Recorder(false);
        EngineHarness h = EngineHarness.boundEsme(BindMode.TRANSMITTER, observed(SessionObserver.composite(p, plain)).build());
        assertThat(p.asked).containsExactly(h.engine);
        assertThat(p.made.get(0).events).contains("opened", "bound tx");
        assertThat(plain.events).contains("opened", "bound tx");
        assertThat(p.shared.events).isEmpty();
    }
}
