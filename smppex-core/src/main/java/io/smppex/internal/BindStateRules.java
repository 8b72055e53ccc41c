package io.smppex.internal;

import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.pdu.field.CommandId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which requests each side may send in each state (SMPP §2.3 and the reference §1.4). What an MC
 * may receive is what an ESME may send, and the other way round; responses are always allowed.
 */
public final class BindStateRules {
    private static final Set<CommandId> TX_REQUESTS = EnumSet.of(CommandId.SUBMIT_SM, CommandId.SUBMIT_MULTI,
            CommandId.DATA_SM, CommandId.QUERY_SM, CommandId.CANCEL_SM, CommandId.REPLACE_SM, CommandId.BROADCAST_SM,
            CommandId.QUERY_BROADCAST_SM, CommandId.CANCEL_BROADCAST_SM);
    private static final Set<CommandId> RX_REQUESTS = EnumSet.of(CommandId.DELIVER_SM, CommandId.DATA_SM,
            CommandId.ALERT_NOTIFICATION);

    private BindStateRules() {
    }

    /** Whether an ESME may send {@code id} in {@code state}. */
    static boolean esmeMaySend(SessionState state, CommandId id) {
        if (id == CommandId.ENQUIRE_LINK) {
            // 5.0 allows enquire_link in every open state; 3.4 peers answer it anyway.
            return state != SessionState.CLOSED;
        }
        switch (state) {
            case OPEN:
                return id.isBind();
            case OUTBOUND:
                return id == CommandId.BIND_RECEIVER || id == CommandId.BIND_TRANSCEIVER;
            case BOUND_TX:
            case BOUND_TRX:
                return id == CommandId.UNBIND || TX_REQUESTS.contains(id);
            case BOUND_RX:
                return id == CommandId.UNBIND;
            default:
                return false;
        }
    }

    /** Whether an MC may send {@code id} in {@code state}. */
    static boolean mcMaySend(SessionState state, CommandId id) {
        if (id == CommandId.ENQUIRE_LINK) {
            return state != SessionState.CLOSED;
        }
        switch (state) {
            case OPEN:
                return id == CommandId.OUTBIND;
            case BOUND_TX:
                return id == CommandId.UNBIND;
            case BOUND_RX:
            case BOUND_TRX:
                return id == CommandId.UNBIND || RX_REQUESTS.contains(id);
            default:
                return false;
        }
    }

    public static boolean maySend(SessionRole role, SessionState state, CommandId id) {
        if (id.isResponse()) {
            return state != SessionState.CLOSED;
        }
        return role == SessionRole.ESME ? esmeMaySend(state, id) : mcMaySend(state, id);
    }

    public static boolean mayReceive(SessionRole role, SessionState state, CommandId id) {
        if (id.isResponse()) {
            return true;
        }
        return role == SessionRole.ESME ? mcMaySend(state, id) : esmeMaySend(state, id);
    }
}
