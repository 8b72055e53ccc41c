package io.smppex.pdu.field;

import java.util.Locale;

/** The three ways an ESME binds, and the bind and bind_resp commands of each. */
public enum BindMode {
    /** bind_transmitter: the session submits messages and receives none. */
    TRANSMITTER(CommandId.BIND_TRANSMITTER, CommandId.BIND_TRANSMITTER_RESP, "tx"),
    /** bind_receiver: the session receives deliver_sm (messages and receipts) and submits nothing. */
    RECEIVER(CommandId.BIND_RECEIVER, CommandId.BIND_RECEIVER_RESP, "rx"),
    /** bind_transceiver (SMPP 3.4 and later): the session both submits and receives. */
    TRANSCEIVER(CommandId.BIND_TRANSCEIVER, CommandId.BIND_TRANSCEIVER_RESP, "trx");

    private final CommandId bind;
    private final CommandId bindResp;
    private final String shortName;

    BindMode(CommandId bind, CommandId bindResp, String shortName) {
        this.bind = bind;
        this.bindResp = bindResp;
        this.shortName = shortName;
    }

    /** {@return the bind command of this mode, e.g. {@link CommandId#BIND_TRANSMITTER}} */
    public CommandId bindCommand() {
        return bind;
    }

    /** {@return the response that answers this mode's bind} */
    public CommandId bindRespCommand() {
        return bindResp;
    }

    /** {@return {@code tx}, {@code rx} or {@code trx}, as smppsend's {@code --bind-mode} spells them} */
    public String shortName() {
        return shortName;
    }

    /** {@return whether a session bound this way may send submit_sm and the other ESME-to-MC requests} */
    public boolean canTransmit() {
        return this != RECEIVER;
    }

    /** {@return whether a session bound this way receives deliver_sm and the other MC-to-ESME requests} */
    public boolean canReceive() {
        return this != TRANSMITTER;
    }

    /**
     * The mode a bind or bind_resp command stands for.
     *
     * @param id any command
     * @return the mode, or {@code null} if {@code id} is not a bind or bind_resp
     */
    public static BindMode of(CommandId id) {
        for (BindMode m : values()) {
            if (m.bind == id || m.bindResp == id) {
                return m;
            }
        }
        return null;
    }

    /**
     * Parses a mode as a command line gives it.
     *
     * @param s {@code tx}, {@code rx}, {@code trx} or the enum name, any case
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static BindMode parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (BindMode m : values()) {
            if (m.shortName.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("bind mode must be tx, rx or trx, not '" + s + "'");
    }
}
