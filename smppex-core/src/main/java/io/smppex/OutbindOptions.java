package io.smppex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link OutbindListener} decides whom to bind to: the system_id and password an MC's
 * outbind must carry, and TLS for the listening socket.
 *
 * <p>Answering an outbind sends the ESME's bind, password included, to whoever connected. An
 * outbind with other credentials is therefore refused before anything is sent: the connection is
 * closed and {@link OutbindListener#onRefused} hears of it. Not checking has to be asked for by
 * name ({@link #uncheckedCredentials()}).
 */
public final class OutbindOptions {
    private final String systemId;
    private final String password;
    private final TlsOptions tls;

    private OutbindOptions(String systemId, String password, TlsOptions tls) {
        this.systemId = systemId;
        this.password = password;
        this.tls = tls;
    }

    /**
     * Binds only after an outbind with exactly this system_id and password.
     *
     * @param systemId the MC's system_id the outbind must carry
     * @param password the password the outbind must carry (compared in constant time)
     * @return options that check both
     */
    public static OutbindOptions expecting(String systemId, String password) {
        return new OutbindOptions(Objects.requireNonNull(systemId, "systemId"), Objects.requireNonNull(password, "password"),
                null);
    }

    /**
     * Binds after any outbind, whatever it carries, so that any host that can reach the port
     * receives the bind's password. The listener logs a warning when it starts with these.
     *
     * @return options that check nothing
     */
    public static OutbindOptions uncheckedCredentials() {
        return new OutbindOptions(null, null, null);
    }

    /**
     * These options with TLS on the listening socket: the MC connects with TLS, and the bind
     * travels encrypted.
     *
     * @param serverTls server TLS options ({@link TlsOptions#server}), or null for plain TCP
     * @return new options
     */
    public OutbindOptions withTls(TlsOptions serverTls) {
        if (serverTls != null && !serverTls.isServer()) {
            throw new IllegalArgumentException("an outbind listener needs server TLS options");
        }
        return new OutbindOptions(systemId, password, serverTls);
    }

    /**
     * Whether outbinds are checked at all.
     *
     * @return false only for {@link #uncheckedCredentials()}
     */
    public boolean checksCredentials() {
        return systemId != null;
    }

    /**
     * The system_id an outbind must carry.
     *
     * @return the expected system_id, or empty when unchecked
     */
    public Optional<String> expectedSystemId() {
        return Optional.ofNullable(systemId);
    }

    /**
     * TLS for the listening socket.
     *
     * @return the server TLS options, or empty for plain TCP
     */
    public Optional<TlsOptions> tls() {
        return Optional.ofNullable(tls);
    }

    /** Why an outbind with these credentials is refused, or null when it is accepted. */
    OutbindRefusedException.Reason check(String outbindSystemId, String outbindPassword) {
        if (systemId == null) {
            return null;
        }
        if (!systemId.equals(outbindSystemId)) {
            return OutbindRefusedException.Reason.UNKNOWN_SYSTEM_ID;
        }
        // Constant time, so that the answer's timing says nothing about how much of a guess was right.
        boolean same = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                (outbindPassword == null ? "" : outbindPassword).getBytes(StandardCharsets.UTF_8));
        return same ? null : OutbindRefusedException.Reason.WRONG_PASSWORD;
    }

    @Override
    public String toString() {
        return "OutbindOptions[" + (systemId == null ? "unchecked credentials" : "system_id '" + systemId
                + "' password=********") + (tls == null ? "" : ", TLS") + "]";
    }
}
