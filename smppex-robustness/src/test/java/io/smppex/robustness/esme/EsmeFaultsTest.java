package io.smppex.robustness.esme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.GenericNackException;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.SyncEsme;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.Logs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

/**
 * Our Esme and SyncEsme against an MC that misbehaves on purpose ({@link EvilMc}): it vanishes with
 * requests outstanding, answers late, twice, with numbers nobody asked for, with generic_nack, or
 * never answers enquire_link. Every request future must complete exactly once, and the session
 * must either go on working or end with the right reason.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class EsmeFaultsTest {
    private final EvilMc evil = EvilMc.start();
    private final List<Session> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(Session::close);
        evil.close();
    }

    /** Counts what the ESME's handler sees. */
    static final class Recorder implements SessionHandler {
        final ConcurrentHashMap<Integer, AtomicInteger> responses = new ConcurrentHashMap<>();
        final AtomicInteger timeouts = new AtomicInteger();
        final CompletableFuture<List<Pdu>> lost = new CompletableFuture<>();
        volatile StopReason reason;

        @Override
        public void onResponse(Session s, Pdu request, Pdu response) {
            responses.computeIfAbsent(request.sequenceNumber(), k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onResponseTimeout(Session s, Pdu request) {
            timeouts.incrementAndGet();
        }

        @Override
        public List<Pdu> onStop(Session s, StopReason r, List<Pdu> lostPdus) {
            reason = r;
            lost.complete(lostPdus);
            return List.of();
        }
    }

    /** A request future and how many times it completed. */
    record Tracked(CompletableFuture<SubmitSmResp> future, AtomicInteger completions) {
        static Tracked of(CompletableFuture<SubmitSmResp> f) {
            AtomicInteger n = new AtomicInteger();
            f.whenComplete((r, e) -> n.incrementAndGet());
            return new Tracked(f, n);
        }

        Throwable failure() {
            try {
                future.get(10, TimeUnit.SECONDS);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            } catch (Exception e) {
                throw new AssertionError("the future did not complete within 10 s", e);
            }
        }
    }

    private Session connect(Recorder r, SessionOptions session) {
        CompletableFuture<Session> f = Esme.connect("127.0.0.1", evil.port(), r, EsmeOptions.builder()
                .bind(PduFactory.bindTransceiver("u", "p")).session(session).build());
        EvilMc.Conn c = evil.nextBound();
        connections.add(c);
        Session s = f.join();
        sessions.add(s);
        return s;
    }

    private final List<EvilMc.Conn> connections = new ArrayList<>();

    private static SubmitSm submit(String text) {
        return PduFactory.submitSm("Shop", "447700900123", text);
    }

    /**
     * The MC reads ten submits, answers two, and vanishes (FIN or RST). The eight unanswered
     * futures fail with SessionClosedException exactly once, onStop lists exactly them as lost,
     * and no response timeout fires for them.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void mcVanishesMidWindow(boolean reset) {
        Recorder r = new Recorder();
        Session s = connect(r, SessionOptions.builder().responseLimit(Duration.ofSeconds(30)).build());
        EvilMc.Conn c = connections.get(0);
        List<Tracked> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(Tracked.of(s.send(submit("m" + i))));
        }
        List<Pdu> read = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            read.add(c.read());
        }
        c.write(((SubmitSm) read.get(0)).respond().messageId("a").build().withSequenceNumber(read.get(0).sequenceNumber()));
        c.write(((SubmitSm) read.get(3)).respond().messageId("b").build().withSequenceNumber(read.get(3).sequenceNumber()));
        // the two answers are processed before the close is seen: same stream, earlier octets
        if (reset) {
            c.reset();
        } else {
            c.close();
        }
        s.closeFuture().orTimeout(10, TimeUnit.SECONDS).join();
        List<Pdu> lost = r.lost.join();

        for (int i = 0; i < 10; i++) {
            Tracked t = sent.get(i);
            Throwable failure = t.failure();
            assertThat(t.completions().get()).as("completions of request %d", i).isEqualTo(1);
            if (i == 0 || i == 3) {
                assertThat(failure).as("request %d", i).isNull();
            } else {
                assertThat(failure).as("request %d", i).isInstanceOf(SessionClosedException.class);
            }
        }
        assertThat(lost.stream().map(Pdu::sequenceNumber).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(read.stream().map(Pdu::sequenceNumber)
                        .filter(q -> q != read.get(0).sequenceNumber() && q != read.get(3).sequenceNumber())
                        .collect(Collectors.toList()));
        assertThat(r.reason.kind()).isIn(StopReason.Kind.PEER_CLOSED, StopReason.Kind.SOCKET_ERROR);
        assertThat(r.timeouts.get()).isZero();
        assertThatThrownBy(() -> s.send(submit("after")).join()).hasCauseInstanceOf(SessionClosedException.class);
    }

    /** SyncEsme: a request in flight when the MC vanishes throws SessionClosedException instead of hanging. */
    @Test
    void syncEsmeRequestFailsWhenTheMcVanishes() throws Exception {
        CompletableFuture<SyncEsme> f = CompletableFuture.supplyAsync(() -> SyncEsme.connect("127.0.0.1", evil.port(),
                SyncEsme.Options.defaults().esme(EsmeOptions.builder().bind(PduFactory.bindTransmitter("u", "p")).build())));
        EvilMc.Conn c = evil.nextBound();
        try (SyncEsme esme = f.get(10, TimeUnit.SECONDS)) {
            CompletableFuture<Pdu> inFlight = CompletableFuture.supplyAsync(() ->
                    esme.request(submit("x"), Duration.ofSeconds(30)));
            c.read();
            c.reset();
            assertThatThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SessionClosedException.class);
            assertThatThrownBy(() -> esme.request(submit("y"), Duration.ofSeconds(5)))
                    .isInstanceOf(SessionClosedException.class);
            assertThat(esme.isStopped()).isTrue();
        }
    }

    /**
     * The MC answers after our response limit: the future has already failed with a timeout (once),
     * the late response is dropped and logged, and the session goes on.
     */
    @Test
    void lateResponseIsDroppedAndLoggedAfterExactlyOneTimeout() {
        Recorder r = new Recorder();
        Session s = connect(r, SessionOptions.builder().responseLimit(Duration.ofMillis(300)).build());
        EvilMc.Conn c = connections.get(0);
        try (Logs.Capture logs = Logs.capture(Level.WARN)) {
            Tracked late = Tracked.of(s.send(submit("late")));
            SubmitSm req = (SubmitSm) c.read();
            assertThat(late.failure()).isInstanceOf(ResponseTimeoutException.class);
            c.write(req.respond().messageId("too-late").build().withSequenceNumber(req.sequenceNumber()));

            Tracked next = Tracked.of(s.send(submit("next")));
            SubmitSm req2 = (SubmitSm) c.read();
            c.write(req2.respond().messageId("ok").build().withSequenceNumber(req2.sequenceNumber()));
            assertThat(next.future().join().messageId()).isEqualTo("ok");

            assertThat(late.completions().get()).isEqualTo(1);
            assertThat(r.timeouts.get()).isEqualTo(1);
            assertThat(r.responses.get(req.sequenceNumber())).isNull();
            assertThat(logs.text()).contains("dropping submit_sm_resp seq=" + req.sequenceNumber());
        }
    }

    @Test
    void duplicateResponseIsDroppedAndTheFutureCompletesOnce() {
        Recorder r = new Recorder();
        Session s = connect(r, SessionOptions.defaults());
        EvilMc.Conn c = connections.get(0);
        try (Logs.Capture logs = Logs.capture(Level.WARN)) {
            Tracked t = Tracked.of(s.send(submit("dup")));
            SubmitSm req = (SubmitSm) c.read();
            c.write(req.respond().messageId("first").build().withSequenceNumber(req.sequenceNumber()));
            c.write(req.respond().messageId("second").build().withSequenceNumber(req.sequenceNumber()));
            Tracked next = Tracked.of(s.send(submit("next")));
            SubmitSm req2 = (SubmitSm) c.read();
            c.write(req2.respond().messageId("ok").build().withSequenceNumber(req2.sequenceNumber()));
            next.future().join();

            assertThat(t.future().join().messageId()).isEqualTo("first");
            assertThat(t.completions().get()).isEqualTo(1);
            assertThat(r.responses.get(req.sequenceNumber()).get()).isEqualTo(1);
            assertThat(logs.text()).contains("dropping submit_sm_resp seq=" + req.sequenceNumber());
        }
    }

    @Test
    void responseWithAnUnknownSequenceNumberIsDroppedAndLogged() {
        Recorder r = new Recorder();
        Session s = connect(r, SessionOptions.defaults());
        EvilMc.Conn c = connections.get(0);
        try (Logs.Capture logs = Logs.capture(Level.WARN)) {
            c.write(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "nobody-asked").withSequenceNumber(999_999));
            c.write(PduFactory.genericNack(CommandStatus.ESME_RSYSERR, 999_998));
            Tracked t = Tracked.of(s.send(submit("x")));
            SubmitSm req = (SubmitSm) c.read();
            c.write(req.respond().messageId("ok").build().withSequenceNumber(req.sequenceNumber()));
            assertThat(t.future().join().messageId()).isEqualTo("ok");
            assertThat(logs.text()).contains("dropping submit_sm_resp seq=999999").contains("dropping generic_nack seq=999998");
            assertThat(r.responses).containsKey(req.sequenceNumber()).doesNotContainKeys(999_999, 999_998);
        }
    }

    /** generic_nack answering our request fails its future with GenericNackException, once; the session stays up. */
    @Test
    void genericNackAsAResponseFailsTheRequestOnce() {
        Recorder r = new Recorder();
        Session s = connect(r, SessionOptions.defaults());
        EvilMc.Conn c = connections.get(0);
        Tracked t = Tracked.of(s.send(submit("x")));
        Pdu req = c.read();
        c.write(PduFactory.genericNack(CommandStatus.ESME_RINVCMDID, req.sequenceNumber()));
        Throwable failure = t.failure();
        assertThat(failure).isInstanceOf(GenericNackException.class);
        assertThat(t.completions().get()).isEqualTo(1);

        Tracked next = Tracked.of(s.send(submit("y")));
        SubmitSm req2 = (SubmitSm) c.read();
        c.write(req2.respond().messageId("ok").build().withSequenceNumber(req2.sequenceNumber()));
        assertThat(next.future().join().status()).isEqualTo(CommandStatus.ESME_ROK);
    }

    @Test
    void syncEsmeSeesGenericNackAndDropsStrayResponses() throws Exception {
        CompletableFuture<SyncEsme> f = CompletableFuture.supplyAsync(() -> SyncEsme.connect("127.0.0.1", evil.port(),
                SyncEsme.Options.defaults().esme(EsmeOptions.builder().bind(PduFactory.bindTransmitter("u", "p")).build())));
        EvilMc.Conn c = evil.nextBound();
        try (SyncEsme esme = f.get(10, TimeUnit.SECONDS)) {
            CompletableFuture<Pdu> first = CompletableFuture.supplyAsync(() -> esme.request(submit("x"), Duration.ofSeconds(10)));
            Pdu req = c.read();
            c.write(PduFactory.submitSmResp(CommandStatus.ESME_ROK, "stray").withSequenceNumber(req.sequenceNumber() + 1000));
            c.write(PduFactory.genericNack(CommandStatus.ESME_RSYSERR, req.sequenceNumber()));
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(GenericNackException.class);

            CompletableFuture<SubmitSmResp> second = CompletableFuture.supplyAsync(() -> esme.request(submit("y"), Duration.ofSeconds(10)));
            SubmitSm req2 = (SubmitSm) c.read();
            c.write(req2.respond().messageId("ok").build().withSequenceNumber(req2.sequenceNumber()));
            assertThat(second.get(10, TimeUnit.SECONDS).messageId()).isEqualTo("ok");
            esme.session().close();
        }
    }

    /** An MC that never answers enquire_link: the session ends with ENQUIRE_LINK_TIMEOUT and the MC sees the close. */
    @Test
    void unansweredEnquireLinkEndsTheSession() {
        Recorder r = new Recorder();
        Session s = connect(r, SessionOptions.builder().enquireLinkLimit(Duration.ofMillis(300))
                .enquireLinkRespLimit(Duration.ofMillis(300)).build());
        EvilMc.Conn c = connections.get(0);
        Pdu enquire = c.read();
        assertThat(enquire.commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
        s.closeFuture().orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(s.stopReason()).hasValueSatisfying(reason ->
                assertThat(reason.kind()).isEqualTo(StopReason.Kind.ENQUIRE_LINK_TIMEOUT));
        assertThat(c.closedByClient()).isTrue();
        assertThatThrownBy(() -> s.send(submit("z")).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SessionClosedException.class);
    }
}
