package io.smppex.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smppex.SyncEsme;
import io.smppex.SyncEvent;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** What the console's tests share: loopback ESMEs, the session list and bounded waits. */
final class Esmes {
    static final Duration T = Duration.ofSeconds(5);

    private Esmes() {
    }

    /** An ESME on 127.0.0.1:{@code port}, bound as {@code systemId} (password pw). */
    static SyncEsme bind(int port, BindMode mode, String systemId) {
        SyncEsme e = SyncEsme.connect("127.0.0.1", port);
        assertThat(e.request(PduFactory.bind(mode, systemId, "pw"), T).status().isOk()).as("bind of " + systemId).isTrue();
        return e;
    }

    /** {@return the message_id} of a submit_sm asking for a receipt */
    static String submit(SyncEsme esme, String from, String to, String text) {
        SubmitSm sm = PduFactory.submitSm(Address.of(from), Address.of(to), text, 1);
        return ((SubmitSmResp) esme.request(sm, T)).messageId();
    }

    /** The PDUs the MC sent until the first deliver_sm, bounded to a few waits. */
    static List<Pdu> awaitDeliver(SyncEsme e) {
        List<Pdu> all = new ArrayList<>();
        for (int i = 0; i < 5 && all.stream().noneMatch(DeliverSm.class::isInstance); i++) {
            all.addAll(incoming(e.waitForPdus(T)));
        }
        return all;
    }

    /** {@return the PDUs among {@code events} that the MC sent} */
    static List<Pdu> incoming(List<SyncEvent> events) {
        return events.stream().filter(SyncEvent.Incoming.class::isInstance).map(ev -> ((SyncEvent.Incoming) ev).pdu()).toList();
    }

    /** {@return GET /api/v1/sessions's entry for {@code systemId}} */
    static JsonNode findSession(Http http, String systemId) {
        for (JsonNode s : http.get("/api/v1/sessions").json().get("sessions")) {
            if (systemId.equals(s.path("system_id").asText())) {
                return s;
            }
        }
        throw new AssertionError("no session of " + systemId);
    }

    /** Waits until {@code cond} holds, failing with {@code what} after {@link #T}. */
    static void await(String what, BooleanSupplier cond) {
        await(what, T, cond);
    }

    /** Waits until {@code cond} holds, failing with {@code what} after {@code limit}. */
    static void await(String what, Duration limit, BooleanSupplier cond) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + limit + " waiting until " + what);
            }
            // A millisecond between checks: spinning would take a core from the console under test.
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
