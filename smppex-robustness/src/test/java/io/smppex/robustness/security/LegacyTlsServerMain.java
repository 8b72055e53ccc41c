package io.smppex.robustness.security;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server that speaks exactly one protocol version, in its own JVM whose security properties
 * re-enable TLS 1.0/1.1; so when our client refuses it, the refusal is our client's. Prints
 * {@code PORT n}, then one {@code HANDSHAKE <protocol>} or {@code FAILED <error>} for the one
 * connection it accepts. Arguments: keystore.p12 password alias protocol.
 */
public final class LegacyTlsServerMain {
    private LegacyTlsServerMain() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(args[0])) {
            ks.load(in, args[1].toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, args[1].toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getByName("127.0.0.1"))) {
            server.setEnabledProtocols(new String[] {args[3]});
            System.out.println("PORT " + server.getLocalPort());
            System.out.flush();
            server.setSoTimeout(30_000);
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                System.out.println("HANDSHAKE " + s.getSession().getProtocol());
            } catch (Exception e) {
                System.out.println("FAILED " + e);
            }
            System.out.flush();
        }
    }
}
