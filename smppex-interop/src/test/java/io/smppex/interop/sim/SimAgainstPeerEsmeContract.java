package io.smppex.interop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.smppex.interop.sim.LifecycleEsme.Multi;
import io.smppex.interop.sim.LifecycleEsme.Queried;
import io.smppex.interop.sim.LifecycleEsme.Receipt;
import io.smppex.interop.sim.LifecycleEsme.Submitted;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.Message;
import io.smppex.sim.ReceiptOutcomes;
import io.smppex.sim.Rule;
import io.smppex.sim.SmppSimulator;
import io.smppex.sim.Stage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The message lifecycle of smppex-sim's {@link SmppSimulator}, started in-process on a loopback
 * port, as an independent ESME library sees it: query_sm, cancel_sm, replace_sm, submit_multi and
 * data_sm receipts. Each peer's subclass says how to drive its library.
 *
 * <p>Every receipt is DELIVRD and goes at once, except for texts starting "hold", which a receipt
 * rule keeps ENROUTE for an hour (so a test can query, cancel or replace them), and texts starting
 * "brief", kept ENROUTE for {@link #BRIEF} only (so a cancelled one would have had its receipt
 * within the test). No test sleeps: each waits for a receipt or a response.
 */
@Timeout(60)
abstract class SimAgainstPeerEsmeContract {
    static final String SYSTEM_ID = "interop";
    static final String PASSWORD = "secret";
    static final String SHOP = "447700900001";
    static final String HANDSET = "447700900123";
    /** How long a "brief" message stays ENROUTE: ample for one cancel_sm over loopback. */
    static final Duration BRIEF = Duration.ofSeconds(3);

    protected SmppSimulator sim;
    protected LifecycleEsme peer;

    /** A new, unconnected peer ESME. */
    protected abstract LifecycleEsme newPeer();

    /** For a peer that needs more of the simulator; the default leaves it as the contract sets it. */
    protected SmppSimulator.Builder configure(SmppSimulator.Builder b) {
        return b;
    }

    @BeforeEach
    void start() {
        sim = configure(SmppSimulator.builder()).host("127.0.0.1").port(0).account(SYSTEM_ID, PASSWORD)
                .receiptDelay(Duration.ZERO)
                .receiptOutcomes(ReceiptOutcomes.allDelivered())
                .rule(Rule.at(Stage.RECEIPT).name("hold").text("(?s)hold.*").receiptDelay(Duration.ofHours(1)).build())
                // The marker's receipt is planned after a cancelled "brief" message's would have gone.
                .rule(Rule.at(Stage.RECEIPT).name("brief").text("(?s)brief.*").receiptDelay(BRIEF).build())
                .rule(Rule.at(Stage.RECEIPT).name("marker").text("(?s)marker.*").receiptDelay(BRIEF.plusSeconds(1)).build())
                .start();
        peer = newPeer();
        peer.bindTransceiver(sim.port(), SYSTEM_ID, PASSWORD);
    }

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Message journaled(String id) {
        return sim.journal().get(id).orElseThrow(() -> new AssertionError("no journal entry " + id));
    }

    private static Submitted ok(Submitted s) {
        assertThat(s.status()).as("submit status").isZero();
        assertThat(s.messageId()).isNotEmpty();
        return s;
    }

    @Test
    void querySmReportsStateFinalDateAndErrorCodeAndRefusesAnUnknownId() {
        Submitted held = ok(peer.submit(SHOP, HANDSET, "hold for query", 1));
        Queried enroute = peer.query(held.messageId(), SHOP);
        assertThat(enroute.status()).isZero();
        assertThat(enroute.messageState()).isEqualTo(MessageState.ENROUTE.code());
        assertThat(enroute.finalDate()).isEmpty();
        assertThat(enroute.errorCode()).isZero();

        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        Submitted quick = ok(peer.submit(SHOP, HANDSET, "quick", 1));
        Receipt r = peer.awaitReceipt();
        assertThat(r.receiptedMessageId()).isEqualTo(quick.messageId());
        Queried delivered = peer.query(quick.messageId(), SHOP);
        assertThat(delivered.status()).isZero();
        assertThat(delivered.messageState()).isEqualTo(MessageState.DELIVERED.code());
        assertThat(delivered.errorCode()).isZero();
        assertThat(delivered.finalDate()).isNotEmpty();
        // final_date is when the message went final: after the submit, not in the future.
        assertThat(peer.finalDateTime(delivered.finalDate())).isAfter(before)
                .isBefore(OffsetDateTime.now().plusMinutes(1));

        Queried unknown = peer.query("no-such-id", SHOP);
        assertThat(unknown.status()).isEqualTo(CommandStatus.ESME_RQUERYFAIL.code());
    }

    @Test
    void cancelSmDeletesAnEnrouteMessageWhichThenGetsNoReceipt() {
        Submitted brief = ok(peer.submit(SHOP, HANDSET, "brief, to be cancelled", 1));
        assertThat(peer.cancel(brief.messageId(), SHOP, HANDSET)).isZero();
        assertThat(journaled(brief.messageId()).state()).isEqualTo(MessageState.DELETED);
        assertThat(peer.query(brief.messageId(), SHOP).messageState()).isEqualTo(MessageState.DELETED.code());

        Submitted marker = ok(peer.submit(SHOP, HANDSET, "marker", 1));
        // The cancelled message's receipt would have come before the marker's: the first one is the marker's.
        Receipt first = peer.awaitReceipt();
        assertThat(first.receiptedMessageId()).isEqualTo(marker.messageId());
        assertThat(first.text()).contains("stat:DELIVRD");
        assertThat(journaled(brief.messageId()).receiptsSent()).isZero();
    }

    @Test
    void cancelSmOfAFinalOrUnknownMessageFails() {
        Submitted quick = ok(peer.submit(SHOP, HANDSET, "quick", 1));
        assertThat(peer.awaitReceipt().receiptedMessageId()).isEqualTo(quick.messageId());
        assertThat(peer.cancel(quick.messageId(), SHOP, HANDSET)).isEqualTo(CommandStatus.ESME_RCANCELFAIL.code());
        assertThat(peer.cancel("no-such-id", SHOP, HANDSET)).isEqualTo(CommandStatus.ESME_RCANCELFAIL.code());
        assertThat(journaled(quick.messageId()).state()).isEqualTo(MessageState.DELIVERED);
    }

    @Test
    void replaceSmChangesTheTextTheReceiptCarriesAndFailsOnceFinal() {
        Submitted held = ok(peer.submit(SHOP, HANDSET, "hold the old text", 1));
        assertThat(peer.replace(held.messageId(), SHOP, "new text")).isZero();

        Receipt r = peer.awaitReceipt();
        assertThat(r.receiptedMessageId()).isEqualTo(held.messageId());
        assertThat(r.text()).contains("stat:DELIVRD").contains("text:new text");
        assertThat(journaled(held.messageId()).text()).isEqualTo("new text");

        assertThat(peer.replace(held.messageId(), SHOP, "too late")).isEqualTo(CommandStatus.ESME_RREPLACEFAIL.code());
        assertThat(peer.replace("no-such-id", SHOP, "nothing")).isEqualTo(CommandStatus.ESME_RREPLACEFAIL.code());
        assertThat(journaled(held.messageId()).text()).isEqualTo("new text");
    }

    @Test
    void submitMultiListsTheInvalidDestinationAndSendsOneReceiptPerValidOne() {
        assumeThat(peer.sendsSubmitMulti()).as("the peer library can send submit_multi").isTrue();
        // An empty destination_addr is the invalid destination every peer can encode.
        Multi m = peer.submitMulti(SHOP, List.of("447700900201", "", "447700900202"), "to many", 1);

        assertThat(m.status()).isZero();
        assertThat(m.messageId()).isNotEmpty();
        assertThat(m.unsuccess()).singleElement().satisfies(u -> {
            assertThat(u.address()).isEmpty();
            assertThat(u.errorStatus()).isEqualTo(CommandStatus.ESME_RINVDSTADR.code());
        });
        Receipt a = peer.awaitReceipt();
        Receipt b = peer.awaitReceipt();
        assertThat(List.of(a.source(), b.source())).containsExactlyInAnyOrder("447700900201", "447700900202");
        assertThat(List.of(a, b)).allSatisfy(r -> assertThat(r.text()).contains("stat:DELIVRD"));
        assertThat(sim.journal().byId(m.messageId())).hasSize(2);

        // No third receipt: the next one the peer gets is a later message's.
        Submitted after = ok(peer.submit(SHOP, HANDSET, "after the multi", 1));
        assertThat(peer.awaitReceipt().receiptedMessageId()).isEqualTo(after.messageId());
    }

    @Test
    void dataSmWithRegisteredDeliveryGetsAReceipt() {
        Submitted d = peer.dataSm(SHOP, HANDSET, "payload by data_sm", 1);
        assertThat(d.status()).isZero();
        assertThat(d.messageId()).isNotEmpty();

        Receipt r = peer.awaitReceipt();
        assertThat(r.receiptedMessageId()).isEqualTo(d.messageId());
        assertThat(r.source()).isEqualTo(HANDSET);
        assertThat(r.esmClass() & 0x3C).isEqualTo(0x04);
        assertThat(r.text()).contains("stat:DELIVRD");
        assertThat(journaled(d.messageId()).command()).isEqualTo(io.smppex.pdu.field.CommandId.DATA_SM);
    }
}
