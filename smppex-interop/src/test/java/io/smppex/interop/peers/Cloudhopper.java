package io.smppex.interop.peers;

import com.cloudhopper.commons.util.windowing.WindowFuture;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.pdu.EmptyBody;
import com.cloudhopper.smpp.pdu.GenericNack;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.ssl.SslConfiguration;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.LoggingOptions;
import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.interop.support.TestPki;

/** Small pieces shared by the Cloudhopper peers. */
public final class Cloudhopper {
    /** Cloudhopper's window defaults to 1; every session here gets this one, set explicitly. */
    public static final int WINDOW = 16;
    public static final long TIMEOUT_MS = 10_000;

    private Cloudhopper() {
    }

    public static LoggingOptions quiet() {
        LoggingOptions o = new LoggingOptions();
        o.setLogPdu(false);
        o.setLogBytes(false);
        return o;
    }

    public static Address address(io.smppex.pdu.field.Address a) {
        return new Address((byte) a.ton(), (byte) a.npi(), a.address());
    }

    /** Sends {@code request} and waits for its response, whatever it is (a generic_nack included). */
    public static PduResponse exchange(SmppSession session, PduRequest<?> request) {
        try {
            WindowFuture<Integer, PduRequest, PduResponse> f = session.sendRequestPdu(request, TIMEOUT_MS, true);
            if (!f.await(TIMEOUT_MS) || !f.isSuccess()) {
                throw new AssertionError("Cloudhopper got no response to " + request.getName() + ": " + f.getCause());
            }
            return f.getResponse();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("Cloudhopper could not send " + request.getName() + ": " + e, e);
        }
    }

    public static PduSeen seen(PduResponse r) {
        return new PduSeen(r.getCommandId(), r.getCommandStatus(), r.getSequenceNumber());
    }

    /** A request with a command_id no SMPP version defines, to provoke a generic_nack. */
    public static final class UnknownRequest extends EmptyBody<GenericNack> {
        UnknownRequest(int commandId) {
            super(commandId, "unknown_command");
        }

        @Override
        public GenericNack createResponse() {
            GenericNack n = new GenericNack();
            n.setSequenceNumber(getSequenceNumber());
            return n;
        }

        @Override
        public Class<GenericNack> getResponseClass() {
            return GenericNack.class;
        }
    }

    /** Server side: our test key in its PKCS12 file. */
    public static SslConfiguration serverSsl(TestPki pki) {
        SslConfiguration ssl = new SslConfiguration();
        ssl.setKeyStorePath(pki.p12("server").toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(TestPki.PASSWORD);
        ssl.setKeyManagerPassword(TestPki.PASSWORD);
        return ssl;
    }

    /**
     * Client side: trusting only our test CA. Peer quirk: Cloudhopper's SslContextFactory refuses
     * to build a client context without a key store ("SSL doesn't have a valid keystore") unless
     * told to trust everything, so the trust store is handed over as the key store too.
     */
    public static SslConfiguration clientSsl(TestPki pki) {
        SslConfiguration ssl = new SslConfiguration();
        ssl.setKeyStorePath(pki.trustStoreP12().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(TestPki.PASSWORD);
        // Peer quirk: offered TLS 1.3 by a JDK 17 server, the Netty 3 SslHandler under Cloudhopper's
        // client trips one of its own assertions (tests run with -ea) and the handshake never ends.
        ssl.setIncludeProtocols("TLSv1.2");
        ssl.setTrustStorePath(pki.trustStoreP12().toString());
        ssl.setTrustStoreType("PKCS12");
        ssl.setTrustStorePassword(TestPki.PASSWORD);
        return ssl;
    }
}
