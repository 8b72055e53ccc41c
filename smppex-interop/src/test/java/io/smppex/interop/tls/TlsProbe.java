package io.smppex.interop.tls;

import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bare JDK SSLSocket that offers exactly one protocol version, run in its own JVM by
 * {@link OwnTlsTest}: that JVM is started with TLS 1.0/1.1 re-enabled in its security properties,
 * so a refused TLS 1.1 handshake is the server's doing, not this client's JDK defaults.
 *
 * <p>Prints one line: {@code OK <protocol>} or {@code FAIL <exception>: <message>}, after
 * {@code OFFERED <protocols>}.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String version = args[1];
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = new FileInputStream(args[2])) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.setEnabledProtocols(new String[] {version});
            System.out.println("OFFERED " + Arrays.toString(s.getEnabledProtocols()));
            s.startHandshake();
            System.out.println("OK " + s.getSession().getProtocol());
        } catch (Exception e) {
            System.out.println("FAIL " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
