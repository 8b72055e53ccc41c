package io.smppex.interop.mc;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.SessionHandler;
import io.smppex.interop.support.RawSmpp;
import io.smppex.pdu.GenericNack;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our Mc against a plain socket writing PDUs by hand: what no peer library would send, answered
 * the way the specification asks.
 */
@Timeout(30)
class OurMcRawSocketTest {
    private Mc mc;

    @BeforeEach
    void start() {
        mc = Mc.start(() -> new SessionHandler() {}, McOptions.builder().bindAddress("127.0.0.1").port(0).workerThreads(1)
                .build());
    }

    @AfterEach
    void stop() {
        mc.close();
    }

    @Test
    void submitSmBeforeBindIsRefusedWithInvalidBindStatus() {
        try (RawSmpp raw = RawSmpp.connect(mc.port())) {
            raw.write(PduFactory.submitSm(Address.of("Shop"), Address.of("447700900123"), "too early", 0)
                    .withSequenceNumber(5));
            Pdu resp = raw.read();
            assertThat(resp).isInstanceOf(SubmitSmResp.class);
            assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
            assertThat(resp.sequenceNumber()).isEqualTo(5);
            // still open: the ESME may bind now
            raw.write(PduFactory.bindTransceiver("any", "any").withSequenceNumber(6));
            assertThat(raw.read().isSuccessResponse()).isTrue();
        }
    }

    @Test
    void unknownCommandBeforeBindGetsGenericNack() {
        try (RawSmpp raw = RawSmpp.connect(mc.port())) {
            raw.write(RawSmpp.header(0x00000777, 0, 7));
            Pdu resp = raw.read();
            assertThat(resp).isInstanceOf(GenericNack.class);
            assertThat(resp.status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
            assertThat(resp.sequenceNumber()).isEqualTo(7);
        }
    }
}
