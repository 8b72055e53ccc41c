package io.smppex;

import io.smppex.pdu.Bind;
import io.smppex.pdu.field.BindMode;
import java.net.SocketAddress;

/**
 * What a {@link BindAuthenticator} sees of a bind: the credentials and where it came from.
 * {@link #toString()} masks the password.
 */
public record BindRequest(BindMode mode, String systemId, String password, String systemType, int interfaceVersion,
                          int addrTon, int addrNpi, String addressRange, SocketAddress remoteAddress, Session session) {

    static BindRequest of(Bind bind, Session session) {
        return new BindRequest(bind.bindMode(), bind.systemId(), bind.password(), bind.systemType(),
                bind.interfaceVersion(), bind.addrTon(), bind.addrNpi(), bind.addressRange(), session.remoteAddress(),
                session);
    }

    @Override
    public String toString() {
        return "BindRequest[" + mode.shortName() + " system_id='" + systemId + "' password=******** system_type='"
                + systemType + "' address_range='" + addressRange + "' from " + remoteAddress + "]";
    }
}
