package io.smppex.internal;

import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindReceiverResp;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.BindTransceiverResp;
import io.smppex.pdu.BindTransmitterResp;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;

/**
 * Where a session is in its bind: its {@link SessionState}, and once bound the bind that did it and
 * its answer. Written on the session's event loop, readable from any thread.
 */
final class BindState {
    volatile SessionState state = SessionState.OPEN;
    volatile BindMode mode;
    volatile String systemId;
    volatile Bind bind;
    volatile BindResp response;
    /** MC side: the peer's bind has been received and not answered yet. */
    boolean peerBinding;

    /** The session is bound by {@code bind}, answered with {@code resp}. */
    void bound(Bind bind, BindResp resp) {
        BindMode m = bind.bindMode();
        this.mode = m;
        this.systemId = bind.systemId();
        this.bind = bind;
        this.response = resp;
        this.state = m == BindMode.TRANSMITTER ? SessionState.BOUND_TX
                : m == BindMode.RECEIVER ? SessionState.BOUND_RX : SessionState.BOUND_TRX;
    }

    /**
     * Why an incoming request may not be taken in this state, or null when it may: a bind while
     * bound or binding, or a request the state does not allow (SMPP 2.3).
     */
    CommandStatus refusal(SessionRole role, CommandId cid) {
        if (cid.isBind() && (state.isBound() || peerBinding)) {
            return CommandStatus.ESME_RALYBND;
        }
        return BindStateRules.mayReceive(role, state, cid) ? null : CommandStatus.ESME_RINVBNDSTS;
    }

    /** The MC's answer to {@code bind}: its system_id and, for SMPP 3.4 and later peers, its interface version. */
    static BindResp answer(Bind bind, CommandStatus status, String mcSystemId, int scInterfaceVersion) {
        BindResp.Builder<? extends BindResp> b = switch (bind.bindMode()) {
            case TRANSMITTER -> BindTransmitterResp.builder();
            case RECEIVER -> BindReceiverResp.builder();
            default -> BindTransceiverResp.builder();
        };
        b.commandStatus(status).sequenceNumber(bind.sequenceNumber());
        if (status.isOk()) {
            b.systemId(mcSystemId);
            if (scInterfaceVersion > 0 && bind.interfaceVersion() >= 0x34) {
                b.tlv(TlvTag.SC_INTERFACE_VERSION, scInterfaceVersion);
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return state + (mode != null ? " " + mode.shortName() : "");
    }
}
