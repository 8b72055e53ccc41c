package io.smppex.micrometer;

import static io.smppex.micrometer.Loopback.await;
import static io.smppex.micrometer.Loopback.eventually;
import static io.smppex.micrometer.Loopback.counter;
import static io.smppex.micrometer.Loopback.gauge;
import static io.smppex.micrometer.Loopback.timerCount;
import static io.smppex.micrometer.Loopback.timerSeconds;
import static io.smppex.micrometer.SmppMeterNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smppex.BindFailedException;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionObserver;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.micrometer.Loopback.Events;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every meter, with a real Mc and Esme over loopback; each side has its own registry. */
@Timeout(60)
class SmppMetricsTest {
    private final MockClock mcClock = new MockClock();
    private final SimpleMeterRegistry mcReg = new SimpleMeterRegistry(SimpleConfig.DEFAULT, mcClock);
    private final SimpleMeterRegistry esmeReg = new SimpleMeterRegistry();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SmppMetrics mcMetrics() {
        return SmppMetrics.builder().registry(mcReg).clock(mcClock).build();
    }

    private Mc mc(SessionObserver o, SessionHandler h) {
        Mc mc = Loopback.mc(o, () -> h);
        open.add(mc::close);
        return mc;
    }

    private Session esme(Mc mc, SessionOptions.Builder b, String user) {
        Session s = Loopback.esme(mc, b, PduFactory.bindTransceiver(user, "secret"), new SessionHandler() {});
        open.add(() -> s.close().get(10, TimeUnit.SECONDS));
        return s;
    }

    private static SessionHandler answering(CommandStatus status) {
        return new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                if (req instanceof SubmitSm) {
                    s.reply((SubmitSm) req, PduFactory.submitSmResp(status, status.isOk() ? "m1" : ""));
                } else {
                    SessionHandler.super.onRequest(s, req);
                }
            }
        };
    }

    private static SubmitSm submit() {
        return PduFactory.submitSm("Shop", "447700900123", "hello");
    }

    /** An observer that forwards every callback to {@code m} but keeps {@code forSession} from it. */
    private static SessionObserver wrapping(SmppMetrics m) {
        return (SessionObserver) java.lang.reflect.Proxy.newProxyInstance(SessionObserver.class.getClassLoader(),
                new Class<?>[] {SessionObserver.class}, (proxy, method, args) -> {
                    if (method.getName().equals("forSession")) {
                        return proxy;
                    }
                    try {
                        return method.invoke(m, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aWrapperThatCallsTheMetricsDirectlyRecordsWhatTheSessionsOwnObserverWould() {
        Mc mc = mc(wrapping(mcMetrics()), answering(CommandStatus.ESME_ROK));
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        Session s = esme(mc, SessionOptions.builder().observer(wrapping(em)), "user");
        await(s.send(submit()));
        await(s.send(submit()));

        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "submit_sm", STATUS, "ESME_ROK", SYSTEM_ID, "user")).isEqualTo(2);
        assertThat(timerCount(esmeReg, WINDOW_WAIT, COMMAND, "submit_sm")).isEqualTo(2);
        assertThat(gauge(esmeReg, SESSIONS_BOUND, BIND_TYPE, "transceiver")).isEqualTo(1);
        assertThat(eventually(() -> timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm", STATUS, "ESME_ROK"), 2))
                .isEqualTo(2);
        assertThat(counter(mcReg, BINDS, STATUS, "ESME_ROK", SYSTEM_ID, "user")).isEqualTo(1);

        await(s.close());
        assertThat(gauge(esmeReg, SESSIONS_OPEN, ROLE, "esme")).isZero();
        assertThat(counter(esmeReg, SESSIONS_CLOSED, REASON, "local")).isEqualTo(1);
    }

    @Test
    void whatAClosedSessionRecordedStaysCountedAndTheNextSessionAddsToIt() throws Exception {
        Mc mc = mc(mcMetrics(), answering(CommandStatus.ESME_ROK));
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        String[] ok = {COMMAND, "submit_sm", STATUS, "ESME_ROK", SYSTEM_ID, "user"};
        Session first = esme(mc, SessionOptions.builder().observer(em), "user");
        for (int i = 0; i < 3; i++) {
            await(first.send(submit()));
        }
        // Read while the session is open: its own cells are summed in.
        assertThat(timerCount(esmeReg, CLIENT_DURATION, ok)).isEqualTo(3);
        double seconds = timerSeconds(esmeReg, CLIENT_DURATION, ok);
        assertThat(seconds).isPositive();
        await(first.close());
        assertThat(timerCount(esmeReg, CLIENT_DURATION, ok)).isEqualTo(3);
        assertThat(timerSeconds(esmeReg, CLIENT_DURATION, ok)).isEqualTo(seconds);
        assertThat(timerCount(esmeReg, WINDOW_WAIT, COMMAND, "submit_sm")).isEqualTo(3);

        Session second = esme(mc, SessionOptions.builder().observer(em), "user");
        await(second.send(submit()));
        await(second.send(submit()));
        assertThat(timerCount(esmeReg, CLIENT_DURATION, ok)).isEqualTo(5);
        assertThat(timerCount(esmeReg, WINDOW_WAIT, COMMAND, "submit_sm")).isEqualTo(5);
        assertThat(eventually(() -> timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm", STATUS, "ESME_ROK"), 5))
                .isEqualTo(5);
    }

    @Test
    void aSubmitIsTimedOnBothSidesByCommandStatusBindTypeAndSystemId() {
        Mc mc = mc(mcMetrics(), new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                mcClock.add(Duration.ofMillis(250));
                s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m1"));
            }
        });
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        Session s = esme(mc, SessionOptions.builder().observer(em), "user");
        await(s.send(submit()));

        String[] esmeTags = {ROLE, "esme", BIND_TYPE, "transceiver", SYSTEM_ID, "user"};
        assertThat(timerCount(esmeReg, CLIENT_DURATION, "command", "submit_sm", STATUS, "ESME_ROK")).isEqualTo(1);
        assertThat(timerCount(esmeReg, CLIENT_DURATION, esmeTags)).isEqualTo(2);
        assertThat(timerCount(esmeReg, CLIENT_DURATION, "command", "submit_sm", ROLE, "esme", BIND_TYPE, "transceiver",
                SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "bind_transceiver", STATUS, "ESME_ROK")).isEqualTo(1);
        assertThat(timerCount(esmeReg, WINDOW_WAIT, COMMAND, "submit_sm")).isEqualTo(1);
        assertThat(counter(esmeReg, BINDS, ROLE, "esme", BIND_TYPE, "transceiver", STATUS, "ESME_ROK", SYSTEM_ID, "user"))
                .isEqualTo(1);
        // The ESME answers nothing here, so it times no received request.
        assertThat(Loopback.anyTimer(esmeReg, SERVER_DURATION)).isFalse();

        String[] serverTags = {ROLE, "mc", BIND_TYPE, "transceiver", SYSTEM_ID, "user", COMMAND, "submit_sm", STATUS, "ESME_ROK"};
        assertThat(timerCount(mcReg, SERVER_DURATION, serverTags)).isEqualTo(1);
        assertThat(Loopback.timerSeconds(mcReg, SERVER_DURATION, serverTags)).isEqualTo(0.25);
        assertThat(counter(mcReg, BINDS, ROLE, "mc", STATUS, "ESME_ROK", SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(Loopback.anyTimer(mcReg, CLIENT_DURATION)).isFalse();
    }

    @Test
    void throttledAndQueueFullResponsesAreCountedByStatus() {
        AtomicInteger n = new AtomicInteger();
        CommandStatus[] answers = {CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RTHROTTLED,
                CommandStatus.ESME_RMSGQFUL, CommandStatus.ESME_ROK};
        Mc mc = mc(mcMetrics(), new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                CommandStatus st = answers[n.getAndIncrement()];
                s.reply((SubmitSm) req, PduFactory.submitSmResp(st, st.isOk() ? "m" : ""));
            }
        });
        Session s = esme(mc, SessionOptions.builder().observer(SmppMetrics.builder().registry(esmeReg).build()), "user");
        for (int i = 0; i < answers.length; i++) {
            await(s.send(submit()));
        }
        // The client's timer counts the responses it received by status, the server's those it sent.
        for (var e : List.of(java.util.Map.entry(esmeReg, CLIENT_DURATION), java.util.Map.entry(mcReg, SERVER_DURATION))) {
            assertThat(timerCount(e.getKey(), e.getValue(), COMMAND, "submit_sm", STATUS, "ESME_RTHROTTLED")).isEqualTo(2);
            assertThat(timerCount(e.getKey(), e.getValue(), COMMAND, "submit_sm", STATUS, "ESME_RMSGQFUL")).isEqualTo(1);
            assertThat(timerCount(e.getKey(), e.getValue(), COMMAND, "submit_sm", STATUS, "ESME_ROK")).isEqualTo(1);
        }
        // An error response is an answer, not a lost request.
        assertThat(esmeReg.find(REQUESTS_LOST).counters()).isEmpty();
    }

    @Test
    void windowGaugesFollowOpenSessionsAndForgetClosedOnes() throws Exception {
        List<Pdu> held = new CopyOnWriteArrayList<>();
        List<Session> heldOn = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        boolean[] hold = {true};
        Mc mc = mc(mcMetrics(), new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                synchronized (hold) {
                    if (hold[0]) {
                        held.add(req);
                        heldOn.add(s);
                        three.countDown();
                        return;
                    }
                }
                s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m"));
            }
        });
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        Session a = esme(mc, SessionOptions.builder().observer(em).windowSize(3), "user");
        Session b = esme(mc, SessionOptions.builder().observer(em).windowSize(5), "other");
        assertThat(gauge(esmeReg, SESSIONS_OPEN, ROLE, "esme")).isEqualTo(2);
        assertThat(gauge(esmeReg, SESSIONS_BOUND, BIND_TYPE, "transceiver")).isEqualTo(2);
        assertThat(gauge(esmeReg, WINDOW_SIZE)).isEqualTo(8);
        assertThat(gauge(esmeReg, WINDOW_SIZE, SYSTEM_ID, "user")).isEqualTo(3);

        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fs.add(a.send(submit()));
        }
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gauge(esmeReg, WINDOW_PENDING, SYSTEM_ID, "user")).isEqualTo(3);
        assertThat(eventually(() -> gauge(esmeReg, WINDOW_QUEUED, SYSTEM_ID, "user"), 2)).isEqualTo(2);
        assertThat(gauge(esmeReg, WINDOW_PENDING, SYSTEM_ID, "other")).isZero();
        // The MC side sees the same three as received and unanswered, not as its own window.
        assertThat(gauge(mcReg, WINDOW_PENDING)).isZero();

        synchronized (hold) {
            hold[0] = false;
        }
        for (int i = 0; i < held.size(); i++) {
            heldOn.get(i).reply(held.get(i), PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m"));
        }
        fs.forEach(Loopback::await);
        assertThat(gauge(esmeReg, WINDOW_PENDING)).isZero();
        assertThat(gauge(esmeReg, WINDOW_QUEUED)).isZero();
        assertThat(timerCount(esmeReg, WINDOW_WAIT, COMMAND, "submit_sm")).isEqualTo(5);

        a.close().get(10, TimeUnit.SECONDS);
        assertThat(gauge(esmeReg, SESSIONS_OPEN, ROLE, "esme")).isEqualTo(1);
        assertThat(gauge(esmeReg, SESSIONS_BOUND)).isEqualTo(1);
        assertThat(gauge(esmeReg, WINDOW_SIZE)).isEqualTo(5);
        assertThat(counter(esmeReg, SESSIONS_CLOSED, REASON, "local", SYSTEM_ID, "user")).isEqualTo(1);
        b.stop().get(10, TimeUnit.SECONDS);
        assertThat(gauge(esmeReg, SESSIONS_OPEN)).isZero();
        assertThat(gauge(esmeReg, WINDOW_SIZE)).isZero();
        assertThat(counter(esmeReg, SESSIONS_CLOSED, REASON, "local")).isEqualTo(2);
    }

    @Test
    void theMcCountsSessionsItServesAndWhyTheyEnded() {
        Events events = new Events();
        Mc mc = mc(SessionObserver.composite(mcMetrics(), events), answering(CommandStatus.ESME_ROK));
        Session s = esme(mc, SessionOptions.builder(), "user");
        assertThat(gauge(mcReg, SESSIONS_OPEN, ROLE, "mc")).isEqualTo(1);
        assertThat(gauge(mcReg, SESSIONS_BOUND, ROLE, "mc", SYSTEM_ID, "user")).isEqualTo(1);
        await(s.stop());
        assertThat(await(events.closed).kind()).isEqualTo(StopReason.Kind.UNBOUND_BY_PEER);
        assertThat(counter(mcReg, SESSIONS_CLOSED, ROLE, "mc", REASON, "unbound_by_peer", SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(gauge(mcReg, SESSIONS_OPEN)).isZero();
        assertThat(gauge(mcReg, SESSIONS_BOUND)).isZero();
        // unbind is a request the MC answered: the engine's own answers are timed too.
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "unbind", STATUS, "ESME_ROK")).isEqualTo(1);
    }

    @Test
    void refusedBindsAreCountedByStatusAndAnMcNeverTagsTheRefusedSystemId() {
        Events mcEvents = new Events();
        Events esmeEvents = new Events();
        Mc mc = mc(SessionObserver.composite(mcMetrics(), mcEvents), answering(CommandStatus.ESME_ROK));
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        CompletableFuture<Session> f = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {},
                EsmeOptions.builder().session(SessionOptions.builder().observer(SessionObserver.composite(em, esmeEvents)).build())
                        .bind(PduFactory.bindTransmitter("intruder", "guess")).build());
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(BindFailedException.class);
        await(mcEvents.closed);
        await(esmeEvents.closed);

        // The ESME tags its own system_id, which it chose itself.
        assertThat(counter(esmeReg, BINDS, ROLE, "esme", BIND_TYPE, "transmitter", SYSTEM_ID, "intruder")).isEqualTo(1);
        assertThat(counter(esmeReg, BINDS, STATUS, "ESME_ROK")).isZero();
        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "bind_transmitter", BIND_TYPE, NONE)).isEqualTo(1);
        assertThat(counter(esmeReg, SESSIONS_CLOSED, ROLE, "esme", BIND_TYPE, NONE)).isEqualTo(1);
        assertThat(gauge(esmeReg, SESSIONS_OPEN)).isZero();

        // The MC counts the refusal but does not let an unauthenticated peer mint a tag value.
        assertThat(counter(mcReg, BINDS, ROLE, "mc", BIND_TYPE, "transmitter", SYSTEM_ID, NONE)).isEqualTo(1);
        assertThat(counter(mcReg, BINDS, STATUS, "ESME_ROK")).isZero();
        assertThat(Loopback.anyMeterTagged(mcReg, SYSTEM_ID, "intruder")).isFalse();
        assertThat(gauge(mcReg, SESSIONS_OPEN)).isZero();
    }

    @Test
    void enquireLinkRoundTripsAreTimedTheEnginesOwnProbesIncluded() {
        Mc mc = mc(mcMetrics(), answering(CommandStatus.ESME_ROK));
        Events events = new Events();
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        Session s = esme(mc, SessionOptions.builder().observer(em), "user");
        await(s.send(PduFactory.enquireLink()));
        assertThat(timerCount(esmeReg, ENQUIRE_LINK_DURATION, ROLE, "esme", SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "enquire_link")).isEqualTo(1);
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "enquire_link")).isEqualTo(1);

        // A second session whose engine probes by itself once idle: only PDUs show its probe.
        Session probing = esme(mc, SessionOptions.builder().observer(SessionObserver.composite(em, events))
                .enquireLinkLimit(Duration.ofMillis(100)), "other");
        await(events.received(CommandId.ENQUIRE_LINK_RESP));
        assertThat(timerCount(esmeReg, ENQUIRE_LINK_DURATION, SYSTEM_ID, "other")).isGreaterThanOrEqualTo(1);
        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "enquire_link", SYSTEM_ID, "other")).isZero();
        assertThat(probing.state().isBound()).isTrue();
    }

    @Test
    void undecodablePdusAreCounted() throws Exception {
        Mc mc = mc(mcMetrics(), answering(CommandStatus.ESME_ROK));
        try (Socket raw = new Socket("127.0.0.1", mc.port())) {
            OutputStream out = raw.getOutputStream();
            out.write(new byte[] {0, 0, 0, 16, 0, 0, 0, 0x77, 0, 0, 0, 0, 0, 0, 0, 9});
            out.flush();
            InputStream in = raw.getInputStream();
            byte[] nack = in.readNBytes(16);
            assertThat(nack[7]).isEqualTo((byte) 0);
            assertThat(nack[4]).isEqualTo((byte) 0x80);
        }
        assertThat(counter(mcReg, PDUS_UNPARSED, ROLE, "mc", BIND_TYPE, NONE)).isEqualTo(1);
    }

    @Test
    void aReceivedRequestBeyondTheTimingLimitIsCountedAsUntimed() throws Exception {
        List<Pdu> held = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        Session[] mcSide = new Session[1];
        SmppMetrics m = SmppMetrics.builder().registry(mcReg).clock(mcClock).maxTimedRequests(2).build();
        Mc mc = mc(m, new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu req) {
                mcSide[0] = s;
                held.add(req);
                three.countDown();
            }
        });
        Session s = esme(mc, SessionOptions.builder(), "user");
        // The bind was timed and answered, so the table is empty when the submits come.
        List<CompletableFuture<SubmitSmResp>> fs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fs.add(s.send(submit()));
        }
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        for (Pdu p : held) {
            mcSide[0].reply(p, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "m"));
        }
        fs.forEach(Loopback::await);
        assertThat(counter(mcReg, SERVER_UNTIMED, SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm")).isEqualTo(2);
    }

    @Test
    void systemIdTaggingCanBeTurnedOff() {
        SmppMetrics m = SmppMetrics.builder().registry(mcReg).systemIdTag(false).build();
        assertThat(m.systemIdTag()).isFalse();
        Mc mc = mc(m, answering(CommandStatus.ESME_ROK));
        Session s = esme(mc, SessionOptions.builder(), "user");
        await(s.send(submit()));
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm")).isEqualTo(1);
        assertThat(counter(mcReg, BINDS, STATUS, "ESME_ROK")).isEqualTo(1);
        assertThat(mcReg.getMeters()).isNotEmpty()
                .allSatisfy(meter -> assertThat(meter.getId().getTag(SYSTEM_ID)).as(meter.getId().toString()).isNull());
    }

    @Test
    void systemIdsBeyondTheLimitAreTaggedOther() {
        Mc mc = mc(SmppMetrics.builder().registry(mcReg).maxSystemIds(1).build(), answering(CommandStatus.ESME_ROK));
        Session first = esme(mc, SessionOptions.builder(), "user");
        Session second = esme(mc, SessionOptions.builder(), "other");
        await(first.send(submit()));
        await(second.send(submit()));
        await(second.send(submit()));
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm", SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm", SYSTEM_ID, OTHER)).isEqualTo(2);
        assertThat(Loopback.anyMeterTagged(mcReg, SYSTEM_ID, "other")).isTrue();
        assertThat(gauge(mcReg, SESSIONS_BOUND, SYSTEM_ID, OTHER)).isEqualTo(1);
    }

    @Test
    void commonTagsAreOnEveryMeter() {
        Mc mc = mc(SmppMetrics.builder().registry(mcReg).tags("gateway", "gw1").build(), answering(CommandStatus.ESME_ROK));
        await(esme(mc, SessionOptions.builder(), "user").send(submit()));
        assertThat(mcReg.getMeters()).isNotEmpty()
                .allSatisfy(meter -> assertThat(meter.getId().getTag("gateway")).isEqualTo("gw1"));
    }

    @Test
    void unboundMetricsRecordNothingAndBindOnlyOnce() {
        SmppMetrics m = SmppMetrics.builder().build();
        assertThat(m.isBound()).isFalse();
        Mc mc = mc(m, answering(CommandStatus.ESME_ROK));
        await(esme(mc, SessionOptions.builder(), "user").send(submit()));
        assertThat(mcReg.getMeters()).isEmpty();
        m.bindTo(mcReg);
        m.bindTo(mcReg);
        assertThat(m.isBound()).isTrue();
        assertThatThrownBy(() -> m.bindTo(esmeReg)).isInstanceOf(IllegalStateException.class);
        await(esme(mc, SessionOptions.builder(), "other").send(submit()));
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm")).isEqualTo(1);
    }

    @Test
    void aSessionOpenedBeforeTheRegistryWasBoundIsMeteredOnceItIs() {
        // Each session's observer keeps its state at hand; it must notice the registry bound later.
        SmppMetrics m = SmppMetrics.builder().build();
        Mc mc = mc(m, answering(CommandStatus.ESME_ROK));
        SmppMetrics em = SmppMetrics.builder().build();
        Session s = esme(mc, SessionOptions.builder().observer(em), "user");
        await(s.send(submit()));
        m.bindTo(mcReg);
        em.bindTo(esmeReg);
        await(s.send(submit()));
        await(s.send(submit()));
        assertThat(timerCount(mcReg, SERVER_DURATION, COMMAND, "submit_sm")).isEqualTo(2);
        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "submit_sm")).isEqualTo(2);
        assertThat(timerCount(esmeReg, WINDOW_WAIT, COMMAND, "submit_sm")).isEqualTo(2);
    }

    @Test
    void theBuilderRefusesNonsense() {
        assertThatThrownBy(() -> SmppMetrics.builder().maxTimedRequests(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmppMetrics.builder().maxSystemIds(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmppMetrics.builder().maxTrackedReceipts(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEsmeStartedWithEsmeStartIsObservedToo() {
        Mc mc = mc(mcMetrics(), answering(CommandStatus.ESME_ROK));
        SmppMetrics em = SmppMetrics.builder().registry(esmeReg).build();
        Esme esme = Esme.start("127.0.0.1", mc.port(), () -> new SessionHandler() {},
                EsmeOptions.builder().session(SessionOptions.builder().observer(em).build())
                        .bind(PduFactory.bindTransmitter("user", "secret")).build());
        open.add(esme::close);
        await(esme.bound());
        await(esme.send(submit()));
        assertThat(timerCount(esmeReg, CLIENT_DURATION, COMMAND, "submit_sm", BIND_TYPE, "transmitter")).isEqualTo(1);
    }
}
