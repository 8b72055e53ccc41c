package io.smppex.micrometer;

import static io.smppex.micrometer.Loopback.await;
import static io.smppex.micrometer.Loopback.counter;
import static io.smppex.micrometer.Loopback.gauge;
import static io.smppex.micrometer.Loopback.timerCount;
import static io.smppex.micrometer.Loopback.timerSeconds;
import static io.smppex.micrometer.SmppMeterNames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smppex.EsmeOptions;
import io.smppex.Mc;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Receipts and MOs at the ESME, through a SyncEsme against an Mc that issues chosen message ids. */
@Timeout(60)
class ReceiptMetricsTest {
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry reg = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final Queue<String> ids = new ConcurrentLinkedQueue<>();
    private volatile Session mcSide;
    private final Mc mc = Loopback.mc(SessionOptions.builder(), () -> new SessionHandler() {
        @Override
        public void onRequest(Session s, Pdu req) {
            mcSide = s;
            s.reply((SubmitSm) req, PduFactory.submitSmResp(CommandStatus.ESME_ROK, ids.remove()));
        }
    });
    private SyncEsme esme;

    @AfterEach
    void close() {
        if (esme != null) {
            esme.close();
        }
        mc.close();
    }

    private void connect(SmppMetrics metrics) {
        esme = SyncEsme.connect("127.0.0.1", mc.port(), SyncEsme.Options.defaults().esme(EsmeOptions.builder()
                .session(SessionOptions.builder().observer(metrics).build())
                .bind(PduFactory.bindTransceiver("user", "secret")).build()));
    }

    private SubmitSmResp submit(String mcId, int registeredDelivery) {
        ids.add(mcId);
        return esme.request(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "hello",
                registeredDelivery), Duration.ofSeconds(10));
    }

    /** A receipt as the MC's session sends it; returns once the ESME has answered it. */
    private void deliver(DeliverSm d) {
        assertThat(await(mcSide.send(d)).commandStatus()).isZero();
    }

    private static DeliverSm tlvReceipt(String id, MessageState state, int esmClass) {
        return DeliverSm.builder().source(Address.of("447700900123")).destination(Address.of("Shop")).esmClass(esmClass)
                .shortMessage(("id:" + id + " stat:" + state.stat()).getBytes(StandardCharsets.ISO_8859_1))
                .tlv(io.smppex.pdu.TlvTag.RECEIPTED_MESSAGE_ID, id)
                .tlv(io.smppex.pdu.TlvTag.MESSAGE_STATE, state.code()).build();
    }

    private static DeliverSm textReceipt(String id, String stat) {
        String text = "id:" + id + " sub:001 dlvrd:001 submit date:2406011200 done date:2406011201 stat:" + stat
                + " err:000 text:hello";
        return DeliverSm.builder().source(Address.of("447700900123")).destination(Address.of("Shop"))
                .esmClass(EsmClass.TYPE_MC_DELIVERY_RECEIPT).shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    @Test
    void receiptsAreCountedByStateAndTimedFromTheirSubmitWhateverFormTheIdTakes() {
        connect(SmppMetrics.builder().registry(reg).clock(clock).build());
        SubmitSmResp r = submit("38601fa", RegisteredDelivery.RECEIPT_ON_FINAL | RegisteredDelivery.INTERMEDIATE_NOTIFICATION);
        assertThat(r.messageId()).isEqualTo("38601fa");
        assertThat(gauge(reg, RECEIPTS_TRACKED)).isEqualTo(1);

        clock.add(Duration.ofSeconds(5));
        deliver(tlvReceipt("38601fa", MessageState.ENROUTE, EsmClass.TYPE_INTERMEDIATE_NOTIFICATION));
        assertThat(counter(reg, RECEIPTS_RECEIVED, STATE, "enroute", SYSTEM_ID, "user")).isEqualTo(1);
        assertThat(timerCount(reg, RECEIPTS_LATENCY, STATE, "enroute")).isEqualTo(1);
        assertThat(timerSeconds(reg, RECEIPTS_LATENCY, STATE, "enroute")).isGreaterThanOrEqualTo(5.0);
        // Intermediate: the submit is still awaited.
        assertThat(gauge(reg, RECEIPTS_TRACKED)).isEqualTo(1);

        clock.add(Duration.ofSeconds(5));
        // The final receipt has only text, with the id in decimal (0x38601fa = 59113978).
        deliver(textReceipt("0059113978", "DELIVRD"));
        assertThat(counter(reg, RECEIPTS_RECEIVED, STATE, "delivered")).isEqualTo(1);
        assertThat(timerCount(reg, RECEIPTS_LATENCY, STATE, "delivered")).isEqualTo(1);
        assertThat(timerSeconds(reg, RECEIPTS_LATENCY, STATE, "delivered")).isGreaterThanOrEqualTo(10.0);
        assertThat(gauge(reg, RECEIPTS_TRACKED)).isZero();
        assertThat(counter(reg, RECEIPTS_UNMATCHED)).isZero();

        // A second receipt for the same message, or one for a message never seen, is unmatched.
        deliver(textReceipt("0059113978", "DELIVRD"));
        deliver(tlvReceipt("ffff-unknown", MessageState.UNDELIVERABLE, EsmClass.TYPE_MC_DELIVERY_RECEIPT));
        assertThat(counter(reg, RECEIPTS_UNMATCHED)).isEqualTo(2);
        assertThat(counter(reg, RECEIPTS_RECEIVED, STATE, "undeliverable")).isEqualTo(1);
        assertThat(timerCount(reg, RECEIPTS_LATENCY)).isEqualTo(2);

        // The ESME answered four deliver_sm: each is a request it served.
        assertThat(timerCount(reg, SERVER_DURATION, ROLE, "esme", COMMAND, "deliver_sm", STATUS, "ESME_ROK")).isEqualTo(4);
        assertThat(counter(reg, MO_RECEIVED)).isZero();
    }

    @Test
    void onlySubmitsThatAskForAReceiptAreAwaited() {
        connect(SmppMetrics.builder().registry(reg).clock(clock).build());
        submit("no-receipt-1", RegisteredDelivery.NO_RECEIPT);
        assertThat(gauge(reg, RECEIPTS_TRACKED)).isZero();
        submit("wants-1", RegisteredDelivery.RECEIPT_ON_FAILURE);
        assertThat(gauge(reg, RECEIPTS_TRACKED)).isEqualTo(1);
    }

    @Test
    void mobileOriginatedMessagesAreCountedApartFromReceipts() {
        connect(SmppMetrics.builder().registry(reg).build());
        submit("x", RegisteredDelivery.NO_RECEIPT);
        deliver(PduFactory.deliverSm(Address.of("447700900123"), Address.of("Shop"), "MO text"));
        deliver(PduFactory.deliverSm(Address.of("447700900124"), Address.of("Shop"), "another"));
        assertThat(counter(reg, MO_RECEIVED, COMMAND, "deliver_sm", ROLE, "esme", SYSTEM_ID, "user")).isEqualTo(2);
        assertThat(reg.find(RECEIPTS_RECEIVED).counters()).isEmpty();
    }

    @Test
    void aFullReceiptTableForgetsTheOldestSubmitAndCountsIt() {
        connect(SmppMetrics.builder().registry(reg).clock(clock).maxTrackedReceipts(1).build());
        submit("a-1", RegisteredDelivery.RECEIPT_ON_FINAL);
        submit("b-2", RegisteredDelivery.RECEIPT_ON_FINAL);
        assertThat(counter(reg, RECEIPTS_EVICTED)).isEqualTo(1);
        assertThat(gauge(reg, RECEIPTS_TRACKED)).isEqualTo(1);
        deliver(tlvReceipt("a-1", MessageState.DELIVERED, EsmClass.TYPE_MC_DELIVERY_RECEIPT));
        deliver(tlvReceipt("b-2", MessageState.DELIVERED, EsmClass.TYPE_MC_DELIVERY_RECEIPT));
        assertThat(counter(reg, RECEIPTS_UNMATCHED)).isEqualTo(1);
        assertThat(timerCount(reg, RECEIPTS_LATENCY, STATE, "delivered")).isEqualTo(1);
        assertThat(counter(reg, RECEIPTS_RECEIVED, STATE, "delivered")).isEqualTo(2);
    }

    @Test
    void withTrackingOffReceiptsAreStillCountedButNotTimed() {
        connect(SmppMetrics.builder().registry(reg).maxTrackedReceipts(0).build());
        submit("t-1", RegisteredDelivery.RECEIPT_ON_FINAL);
        deliver(tlvReceipt("t-1", MessageState.DELIVERED, EsmClass.TYPE_MC_DELIVERY_RECEIPT));
        assertThat(counter(reg, RECEIPTS_RECEIVED, STATE, "delivered")).isEqualTo(1);
        assertThat(Loopback.anyTimer(reg, RECEIPTS_LATENCY)).isFalse();
        assertThat(reg.find(RECEIPTS_TRACKED).gauges()).isEmpty();
        assertThat(counter(reg, RECEIPTS_UNMATCHED)).isZero();
    }
}
