package io.smppex.micrometer;

import static io.smppex.micrometer.Loopback.await;
import static io.smppex.micrometer.Loopback.timerCount;
import static io.smppex.micrometer.Loopback.timerSeconds;
import static io.smppex.micrometer.SmppMeterNames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smppex.Mc;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the default clock the meters take their times from the engine (the arrival times it hands
 * the callbacks and {@link Session#nanoTime()}) instead of reading a clock of their own. Those
 * times are on the event loop's ticker, which is offset from {@link System#nanoTime()}: mixing the
 * two anywhere would make a duration hours long or negative, so each duration here is held
 * between what the test waited and what it measured around the whole exchange.
 */
@Timeout(60)
class EngineTimeTest {
    private static final long REPLY_DELAY_MS = 150;
    private static final long RECEIPT_DELAY_MS = 200;

    private final SimpleMeterRegistry reg = new SimpleMeterRegistry();
    private final SmppMetrics metrics = SmppMetrics.builder().registry(reg).build();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<Session> mcSide = new CompletableFuture<>();
    private final Mc mc = Loopback.mc(metrics, () -> new SessionHandler() {
        @Override
        public void onRequest(Session s, Pdu req) {
            mcSide.complete(s);
            // Answered later and from another thread: the server-side time must cover the wait.
            later.schedule(() -> s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, "38601fa")),
                    REPLY_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    });
    private Session esme;

    @AfterEach
    void close() {
        if (esme != null) {
            esme.close();
        }
        mc.close();
        later.shutdownNow();
    }

    @Test
    void requestServerAndReceiptTimesAreTheEnginesAndFitTheWallClock() throws Exception {
        esme = Loopback.esme(mc, SessionOptions.builder().observer(metrics), PduFactory.bindTransceiver("user", "secret"),
                new SessionHandler() {
                    @Override
                    public void onRequest(Session s, Pdu req) {
                        s.reply((DeliverSm) req, ((DeliverSm) req).respond().build());
                    }
                });
        long start = System.nanoTime();
        await(esme.send(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "hello",
                RegisteredDelivery.RECEIPT_ON_FINAL)));
        DeliverSm receipt = DeliverSm.builder().source(Address.of("447700900123")).destination(Address.of("Shop"))
                .esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT)
                .shortMessage("id:38601fa stat:DELIVRD".getBytes(StandardCharsets.ISO_8859_1))
                .tlv(TlvTag.RECEIPTED_MESSAGE_ID, "38601fa").tlv(TlvTag.MESSAGE_STATE, MessageState.DELIVERED.code())
                .build();
        // The receipt goes out a known time after the submit was answered: the latency must cover it.
        Session mcSession = mcSide.get(10, TimeUnit.SECONDS);
        CompletableFuture<io.smppex.pdu.DeliverSmResp> answered = later.schedule(() -> mcSession.send(receipt), RECEIPT_DELAY_MS,
                TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
        assertThat(await(answered).commandStatus()).isZero();
        double wall = (System.nanoTime() - start) / 1e9;

        String[] submit = {COMMAND, "submit_sm", STATUS, "ESME_ROK"};
        assertThat(timerCount(reg, CLIENT_DURATION, submit)).isEqualTo(1);
        assertThat(timerSeconds(reg, CLIENT_DURATION, submit)).isBetween(REPLY_DELAY_MS / 1e3, wall);
        // The MC's server-side time of the submit: from its arrival to the late reply being written.
        assertThat(timerCount(reg, SERVER_DURATION, ROLE, "mc", COMMAND, "submit_sm")).isEqualTo(1);
        assertThat(timerSeconds(reg, SERVER_DURATION, ROLE, "mc", COMMAND, "submit_sm")).isBetween(REPLY_DELAY_MS / 1e3, wall);
        // From the submit's write to the receipt's arrival, on another side of the exchange.
        assertThat(timerCount(reg, RECEIPTS_LATENCY, STATE, "delivered")).isEqualTo(1);
        assertThat(timerSeconds(reg, RECEIPTS_LATENCY, STATE, "delivered"))
                .isBetween((REPLY_DELAY_MS + RECEIPT_DELAY_MS) / 1e3, wall);
        assertThat(Loopback.counter(reg, RECEIPTS_UNMATCHED)).isZero();
    }
}
