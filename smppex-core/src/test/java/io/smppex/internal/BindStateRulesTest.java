package io.smppex.internal;

import static io.smppex.internal.EngineHarness.quiet;
import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SessionRole;
import io.smppex.SessionState;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandId;
import io.smppex.pdu.field.CommandStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command × state × role against a table written independently from the reference digest
 * (§1.4 who may send what per bind type, §1.5 states, §10.2 outbind, §10.5 enquire_link), so a
 * change to {@link BindStateRules} that departs from the specification fails here by name.
 */
class BindStateRulesTest {
    private static final Set<CommandId> ESME_TX = EnumSet.of(CommandId.SUBMIT_SM, CommandId.SUBMIT_MULTI,
            CommandId.DATA_SM, CommandId.QUERY_SM, CommandId.CANCEL_SM, CommandId.REPLACE_SM, CommandId.BROADCAST_SM,
            CommandId.QUERY_BROADCAST_SM, CommandId.CANCEL_BROADCAST_SM);
    private static final Set<CommandId> MC_TO_RECEIVER = EnumSet.of(CommandId.DELIVER_SM, CommandId.DATA_SM,
            CommandId.ALERT_NOTIFICATION);

    /** Requests each role may originate in each state. */
    private static final Map<SessionState, Set<CommandId>> ESME_SENDS = new EnumMap<>(SessionState.class);
    private static final Map<SessionState, Set<CommandId>> MC_SENDS = new EnumMap<>(SessionState.class);

    static {
        for (SessionState s : SessionState.values()) {
            ESME_SENDS.put(s, EnumSet.noneOf(CommandId.class));
            MC_SENDS.put(s, EnumSet.noneOf(CommandId.class));
            // enquire_link: any state of an open connection (5.0 adds OPEN, UNBOUND, OUTBOUND to 3.4's bound states).
            if (s != SessionState.CLOSED) {
                ESME_SENDS.get(s).add(CommandId.ENQUIRE_LINK);
                MC_SENDS.get(s).add(CommandId.ENQUIRE_LINK);
            }
        }
        ESME_SENDS.get(SessionState.OPEN).addAll(EnumSet.of(CommandId.BIND_TRANSMITTER, CommandId.BIND_RECEIVER,
                CommandId.BIND_TRANSCEIVER));
        // After outbind the ESME answers with bind_receiver (3.4) or bind_transceiver (5.0), never bind_transmitter.
        ESME_SENDS.get(SessionState.OUTBOUND).addAll(EnumSet.of(CommandId.BIND_RECEIVER, CommandId.BIND_TRANSCEIVER));
        ESME_SENDS.get(SessionState.BOUND_TX).addAll(ESME_TX);
        ESME_SENDS.get(SessionState.BOUND_TX).add(CommandId.UNBIND);
        ESME_SENDS.get(SessionState.BOUND_RX).add(CommandId.UNBIND);
        ESME_SENDS.get(SessionState.BOUND_TRX).addAll(ESME_TX);
        ESME_SENDS.get(SessionState.BOUND_TRX).add(CommandId.UNBIND);

        MC_SENDS.get(SessionState.OPEN).add(CommandId.OUTBIND);
        MC_SENDS.get(SessionState.BOUND_TX).add(CommandId.UNBIND);
        MC_SENDS.get(SessionState.BOUND_RX).addAll(MC_TO_RECEIVER);
        MC_SENDS.get(SessionState.BOUND_RX).add(CommandId.UNBIND);
        MC_SENDS.get(SessionState.BOUND_TRX).addAll(MC_TO_RECEIVER);
        MC_SENDS.get(SessionState.BOUND_TRX).add(CommandId.UNBIND);
    }

    private static boolean expectedMaySend(SessionRole role, SessionState state, CommandId id) {
        if (id.isResponse()) {
            // Answering is always allowed while the connection exists (generic_nack included).
            return state != SessionState.CLOSED;
        }
        return (role == SessionRole.ESME ? ESME_SENDS : MC_SENDS).get(state).contains(id);
    }

    private static boolean expectedMayReceive(SessionRole role, SessionState state, CommandId id) {
        if (id.isResponse()) {
            return true;
        }
        SessionRole peer = role == SessionRole.ESME ? SessionRole.MC : SessionRole.ESME;
        return expectedMaySend(peer, state, id);
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (SessionRole role : SessionRole.values()) {
            for (SessionState state : SessionState.values()) {
                for (CommandId id : CommandId.values()) {
                    all.add(Arguments.of(role, state, id));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @MethodSource("everyCombination")
    void maySendFollowsTheSpecification(SessionRole role, SessionState state, CommandId id) {
        assertThat(BindStateRules.maySend(role, state, id)).isEqualTo(expectedMaySend(role, state, id));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @MethodSource("everyCombination")
    void mayReceiveFollowsTheSpecification(SessionRole role, SessionState state, CommandId id) {
        assertThat(BindStateRules.mayReceive(role, state, id)).isEqualTo(expectedMayReceive(role, state, id));
    }

    @Test
    void theTableIsNotTrivial() {
        // Guards the oracle itself: a table that allowed or refused everything would make the tests above vacuous.
        assertThat(expectedMaySend(SessionRole.ESME, SessionState.BOUND_TX, CommandId.SUBMIT_SM)).isTrue();
        assertThat(expectedMaySend(SessionRole.ESME, SessionState.BOUND_RX, CommandId.SUBMIT_SM)).isFalse();
        assertThat(expectedMayReceive(SessionRole.ESME, SessionState.BOUND_RX, CommandId.DELIVER_SM)).isTrue();
        assertThat(expectedMayReceive(SessionRole.ESME, SessionState.BOUND_TX, CommandId.DELIVER_SM)).isFalse();
        assertThat(expectedMaySend(SessionRole.MC, SessionState.CLOSED, CommandId.SUBMIT_SM_RESP)).isFalse();
    }

    /**
     * The engine applies the rules to what arrives: every request the ESME may not receive while
     * bound as a transmitter is refused with its own _resp (or generic_nack when it has none), and
     * every allowed one reaches the application.
     */
    @Test
    void engineAppliesTheRulesToEveryIncomingRequestOnATransmitter() {
        for (CommandId id : CommandId.values()) {
            if (id.isResponse() || id == CommandId.ENQUIRE_LINK || id == CommandId.UNBIND) {
                continue; // answered by the engine itself; covered elsewhere
            }
            EngineHarness h = EngineHarness.boundEsme(io.smppex.pdu.field.BindMode.TRANSMITTER, quiet().build());
            Pdu req = sample(id).withSequenceNumber(100);
            h.receive(req);
            List<Pdu> out = h.written();
            if (expectedMayReceive(SessionRole.ESME, SessionState.BOUND_TX, id)) {
                assertThat(h.handler.requests).as(id.smppName()).containsExactly(req);
                assertThat(out).as(id.smppName()).isEmpty();
            } else {
                assertThat(h.handler.requests).as(id.smppName()).isEmpty();
                assertThat(out).as(id.smppName()).hasSize(1);
                Pdu refusal = out.get(0);
                CommandId expected = id.response() != null ? id.response() : CommandId.GENERIC_NACK;
                assertThat(refusal.commandId()).as(id.smppName()).isEqualTo(expected);
                assertThat(refusal.status()).as(id.smppName()).isEqualTo(
                        id.isBind() ? CommandStatus.ESME_RALYBND : CommandStatus.ESME_RINVBNDSTS);
                assertThat(refusal.sequenceNumber()).isEqualTo(100);
            }
        }
    }

    /** A well-formed request of each kind: header-only where the specification allows an empty body. */
    private static Pdu sample(CommandId id) {
        io.smppex.pdu.field.Address a = io.smppex.pdu.field.Address.of("447700900123");
        io.smppex.pdu.field.Address b = io.smppex.pdu.field.Address.of("Shop");
        switch (id) {
            case BIND_RECEIVER: return PduFactory.bindReceiver("u", "p");
            case BIND_TRANSMITTER: return PduFactory.bindTransmitter("u", "p");
            case BIND_TRANSCEIVER: return PduFactory.bindTransceiver("u", "p");
            case QUERY_SM: return PduFactory.querySm("id1", a);
            case SUBMIT_SM: return PduFactory.submitSm("Shop", "447700900123", "x");
            case DELIVER_SM: return PduFactory.deliverSm(a, b, "x");
            case REPLACE_SM: return PduFactory.replaceSm("id1", a, new byte[] {1});
            case CANCEL_SM: return PduFactory.cancelSm("id1", a, b);
            case OUTBIND: return PduFactory.outbind("MC", "pw");
            case SUBMIT_MULTI: return PduFactory.submitMulti(b, List.of(a), "x");
            case ALERT_NOTIFICATION: return PduFactory.alertNotification(a, b);
            case DATA_SM: return PduFactory.dataSm(b, a, 0, new byte[] {1});
            case BROADCAST_SM: return io.smppex.pdu.BroadcastSm.builder().messageId("").build();
            case QUERY_BROADCAST_SM: return io.smppex.pdu.QueryBroadcastSm.builder().messageId("id1").build();
            case CANCEL_BROADCAST_SM: return io.smppex.pdu.CancelBroadcastSm.builder().messageId("id1").build();
            default: throw new IllegalArgumentException(id.toString());
        }
    }
}
