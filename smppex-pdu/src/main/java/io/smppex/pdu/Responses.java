package io.smppex.pdu;

import io.smppex.pdu.field.CommandId;
import java.util.List;

/** Empty-bodied responses: what a header-only response decodes to, and what refusals are built from. */
final class Responses {
    private Responses() {
    }

    static Pdu empty(CommandId id, int status, int seq) {
        Tlvs t = Tlvs.EMPTY;
        switch (id) {
            case GENERIC_NACK: return new GenericNack(status, seq, t);
            case BIND_RECEIVER_RESP: return new BindReceiverResp(status, seq, t, "");
            case BIND_TRANSMITTER_RESP: return new BindTransmitterResp(status, seq, t, "");
            case BIND_TRANSCEIVER_RESP: return new BindTransceiverResp(status, seq, t, "");
            case QUERY_SM_RESP: return new QuerySmResp(status, seq, t, "", "", 0, 0);
            case SUBMIT_SM_RESP: return new SubmitSmResp(status, seq, t, "");
            case DELIVER_SM_RESP: return new DeliverSmResp(status, seq, t, "");
            case UNBIND_RESP: return new UnbindResp(status, seq, t);
            case REPLACE_SM_RESP: return new ReplaceSmResp(status, seq, t);
            case CANCEL_SM_RESP: return new CancelSmResp(status, seq, t);
            case ENQUIRE_LINK_RESP: return new EnquireLinkResp(status, seq, t);
            case SUBMIT_MULTI_RESP: return new SubmitMultiResp(status, seq, t, "", List.of());
            case DATA_SM_RESP: return new DataSmResp(status, seq, t, "");
            case BROADCAST_SM_RESP: return new BroadcastSmResp(status, seq, t, "");
            case QUERY_BROADCAST_SM_RESP: return new QueryBroadcastSmResp(status, seq, t, "");
            case CANCEL_BROADCAST_SM_RESP: return new CancelBroadcastSmResp(status, seq, t);
            default: throw new IllegalArgumentException(id.smppName() + " is not a response");
        }
    }
}
