package io.smppex.pdu.field;

import java.util.Locale;

/** The three ways an ESME binds, and the bind and bind_resp commands of each. */
public enum BindMode {
    TRANSMITTER(CommandId.BIND_TRANSMITTER, CommandId.BIND_TRANSMITTER_RESP, "tx"),
    RECEIVER(CommandId.BIND_RECEIVER, CommandId.BIND_RECEIVER_RESP, "rx"),
    TRANSCEIVER(CommandId.BIND_TRANSCEIVER, CommandId.BIND_TRANSCEIVER_RESP, "trx");

    private final CommandId bind;
    private final CommandId bindResp;
    private final String shortName;

    BindMode(CommandId bind, CommandId bindResp, String shortName) {
        this.bind = bind;
        this.bindResp = bindResp;
        this.shortName = shortName;
    }

    public CommandId bindCommand() {
        return bind;
    }

    public CommandId bindRespCommand() {
        return bindResp;
    }

    /** {@code tx}, {@code rx} or {@code trx}, as smppsend's {@code --bind-mode} spells them. */
    public String shortName() {
        return shortName;
    }

    /** Whether a session bound this way may send submit_sm and the other ESME-to-MC requests. */
    public boolean canTransmit() {
        return this != RECEIVER;
    }

    /** Whether a session bound this way receives deliver_sm and the other MC-to-ESME requests. */
    public boolean canReceive() {
        return this != TRANSMITTER;
    }

    /** The mode of a bind or bind_resp command, or null. */
    public static BindMode of(CommandId id) {
        for (BindMode m : values()) {
            if (m.bind == id || m.bindResp == id) {
                return m;
            }
        }
        return null;
    }

    /** Parses {@code tx|rx|trx} or the enum name, case-insensitively. */
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
