package io.smppex;

import io.smppex.pdu.Bind;
import io.smppex.pdu.field.BindMode;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * What a {@link BindAuthenticator} sees of a bind: the credentials and where it came from, and,
 * over mutual TLS, the certificate the client presented ({@link #peerSubject()},
 * {@link #peerCertificates()}). {@link #toString()} masks the password.
 *
 * @param mode the bind's mode
 * @param systemId the ESME's system_id
 * @param password the ESME's password
 * @param systemType the ESME's system_type
 * @param interfaceVersion the bind's interface_version
 * @param addrTon the bind's addr_ton
 * @param addrNpi the bind's addr_npi
 * @param addressRange the bind's address_range
 * @param remoteAddress where the bind came from: the client's own address, also behind a PROXY protocol load balancer
 * @param session the session the bind arrived on
 */
public record BindRequest(BindMode mode, String systemId, String password, String systemType, int interfaceVersion,
                          int addrTon, int addrNpi, String addressRange, SocketAddress remoteAddress, Session session) {

    static BindRequest of(Bind bind, Session session) {
        return new BindRequest(bind.bindMode(), bind.systemId(), bind.password(), bind.systemType(),
                bind.interfaceVersion(), bind.addrTon(), bind.addrNpi(), bind.addressRange(), session.remoteAddress(),
                session);
    }

    /**
     * The certificate chain the client presented in the TLS handshake, its own first, already
     * verified against the MC's trusted certificates.
     *
     * @return the chain, or an empty list without TLS or when the client sent no certificate
     */
    public List<X509Certificate> peerCertificates() {
        return session == null ? List.of() : session.peerCertificates();
    }

    /**
     * The subject of the client's certificate, e.g. {@code CN=alice, O=Example}: the client's
     * identity under mutual TLS.
     *
     * @return the subject, or empty without a client certificate
     */
    public Optional<X500Principal> peerSubject() {
        List<X509Certificate> chain = peerCertificates();
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0).getSubjectX500Principal());
    }

    @Override
    public String toString() {
        return "BindRequest[" + mode.shortName() + " system_id='" + systemId + "' password=******** system_type='"
                + systemType + "' address_range='" + addressRange + "' from " + remoteAddress + "]";
    }
}
