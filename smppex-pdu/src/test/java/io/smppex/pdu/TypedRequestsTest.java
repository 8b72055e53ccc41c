package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TypedRequestsTest {

    @Provide
    Arbitrary<Pdu> pdus() {
        return PduArbitraries.anyPdu();
    }

    @Property(tries = 300)
    void everyCommandWithAResponseIsARequestPduAndEveryOtherIsNot(@ForAll("pdus") Pdu pdu) {
        boolean answered = pdu.isRequest() && pdu.commandId().response() != null;
        assertThat(pdu instanceof RequestPdu<?>).as(pdu.commandName()).isEqualTo(answered);
    }

    @Property(tries = 300)
    void aRequestsErrorResponseIsItsOwnResponseCommand(@ForAll("pdus") Pdu pdu) {
        if (!(pdu instanceof RequestPdu<?> request)) {
            return;
        }
        Pdu resp = request.errorResponse(CommandStatus.ESME_RSYSERR);
        assertThat(resp.commandId()).isEqualTo(pdu.commandId().response());
        assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RSYSERR.code());
        assertThat(resp.sequenceNumber()).isEqualTo(pdu.sequenceNumber());
    }

    @Test
    void typedErrorResponsesNeedNoCast() {
        SubmitSm submit = PduFactory.submitSm("Shop", "447700900123", "hi");
        SubmitSmResp refused = submit.errorResponse(CommandStatus.ESME_RTHROTTLED);
        assertThat(refused.messageId()).isEmpty();
        QuerySmResp q = QuerySm.builder().messageId("7").build().errorResponse(CommandStatus.ESME_RQUERYFAIL);
        assertThat(q.status()).isEqualTo(CommandStatus.ESME_RQUERYFAIL);
        BindResp b = PduFactory.bindTransceiver("u", "p").errorResponse(CommandStatus.ESME_RBINDFAIL);
        assertThat(b.commandId()).isEqualTo(CommandId.BIND_TRANSCEIVER_RESP);
    }

    @Test
    void oneWayRequestsAreAnsweredWithGenericNack() {
        Pdu outbind = Outbind.builder().systemId("mc").build();
        assertThat(outbind).isNotInstanceOf(RequestPdu.class);
        assertThat(outbind.errorResponse(CommandStatus.ESME_RINVCMDID).commandId()).isEqualTo(CommandId.GENERIC_NACK);
    }

    @Test
    void messageIdResponsesShareOnePublicType() {
        MessageIdResp[] all = {SubmitSmResp.builder().messageId("a").build(), DeliverSmResp.builder().messageId("b").build(),
            DataSmResp.builder().messageId("c").build()};
        assertThat(all).extracting(MessageIdResp::messageId).containsExactly("a", "b", "c");
    }
}
