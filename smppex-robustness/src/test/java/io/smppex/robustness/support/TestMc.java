package io.smppex.robustness.support;

import io.smppex.BindAuthenticator;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.StopReason;
import io.smppex.SyncEsme;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.CommandStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Our Mc on 127.0.0.1 with one account ({@code good}/{@code secret}), answering every submit_sm
 * at once, and recording how each session ended and how often the authenticator was asked.
 */
public final class TestMc implements AutoCloseable {
    public static final String USER = "good";
    public static final String PASSWORD = "secret";

    public final Mc mc;
    public final AtomicInteger authCalls = new AtomicInteger();
    public final AtomicInteger submits = new AtomicInteger();
    public final BlockingQueue<StopReason> stops = new LinkedBlockingQueue<>();

    private TestMc(UnaryOperator<McOptions.Builder> tune) {
        BindAuthenticator accounts = BindAuthenticator.accounts(Map.of(USER, PASSWORD));
        McOptions.Builder b = McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .shutdownTimeout(Duration.ofSeconds(2))
                .authenticator(r -> {
                    authCalls.incrementAndGet();
                    return accounts.authenticate(r);
                });
        mc = Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                if (request instanceof SubmitSm submit) {
                    s.reply(submit, submit.respond().messageId("id-" + submits.incrementAndGet()).build());
                } else {
                    SessionHandler.super.onRequest(s, request);
                }
            }

            @Override
            public java.util.List<Pdu> onStop(Session s, StopReason reason, java.util.List<Pdu> lost) {
                stops.add(reason);
                return java.util.List.of();
            }
        }, tune.apply(b).build());
    }

    public static TestMc start() {
        return new TestMc(b -> b);
    }

    public static TestMc start(UnaryOperator<McOptions.Builder> tune) {
        return new TestMc(tune);
    }

    public int port() {
        return mc.port();
    }

    /** How the next session to end ended; fails after 10 s. */
    public StopReason nextStop() {
        try {
            StopReason r = stops.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no session ended within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A well-behaved client (our SyncEsme) can still bind and submit. */
    public void assertServesANormalClient() {
        try (SyncEsme esme = SyncEsme.connect("127.0.0.1", port(), SyncEsme.Options.defaults().esme(
                EsmeOptions.builder().bind(PduFactory.bindTransceiver(USER, PASSWORD)).build()))) {
            Pdu resp = esme.request(PduFactory.submitSm("Shop", "447700900123", "still there?"), Duration.ofSeconds(10));
            if (!(resp instanceof SubmitSmResp) || resp.status() != CommandStatus.ESME_ROK) {
                throw new AssertionError("a normal client got " + resp);
            }
        }
    }

    @Override
    public void close() {
        mc.close();
    }
}
