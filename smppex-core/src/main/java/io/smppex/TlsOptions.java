package io.smppex;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for either side, through Netty's SslHandler and the JDK provider. TLS 1.2 is the minimum.
 *
 * <p>Clients verify the server's certificate and host name and send SNI by default; turning
 * verification off has to be asked for by name ({@link #insecureTrustAll()},
 * {@link #withoutHostnameVerification()}).
 *
 * <p>Mutual TLS: a server asks clients for a certificate with
 * {@link #withClientAuth(ClientAuth, KeyStore)}, {@link ClientAuth#REQUIRED} or
 * {@link ClientAuth#OPTIONAL}; a client presents one with {@link #withCertificate(KeyStore, char[])}.
 * The verified chain is then {@link Session#peerCertificates()} on the server's session.
 */
public final class TlsOptions {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Whether a server asks connecting clients for a certificate (mutual TLS). */
    public enum ClientAuth {
        /** No client certificate is asked for: the default. */
        NONE,
        /** A client certificate is asked for; a client without one still connects, one with a bad one does not. */
        OPTIONAL,
        /** A client without a certificate the server trusts fails the handshake. */
        REQUIRED
    }

    /** Every field, so that the with-methods copy them in one place. */
    private static final class Fields implements Cloneable {
        boolean server;
        Path certChainPem;
        Path privateKeyPem;
        KeyStore keyStore;
        char[] keyStorePassword;
        Path trustPem;
        KeyStore trustStore;
        boolean trustAll;
        boolean hostnameVerification;
        boolean sni;
        ClientAuth clientAuth = ClientAuth.NONE;

        Fields copy() {
            try {
                Fields f = (Fields) super.clone();
                f.keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
                return f;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final boolean server;
    private final Path certChainPem;
    private final Path privateKeyPem;
    private final KeyStore keyStore;
    private final char[] keyStorePassword;
    private final Path trustPem;
    private final KeyStore trustStore;
    private final boolean trustAll;
    private final boolean hostnameVerification;
    private final boolean sni;
    private final ClientAuth clientAuth;

    private TlsOptions(Fields f) {
        this.server = f.server;
        this.certChainPem = f.certChainPem;
        this.privateKeyPem = f.privateKeyPem;
        this.keyStore = f.keyStore;
        this.keyStorePassword = f.keyStorePassword == null ? null : f.keyStorePassword.clone();
        this.trustPem = f.trustPem;
        this.trustStore = f.trustStore;
        this.trustAll = f.trustAll;
        this.hostnameVerification = f.hostnameVerification;
        this.sni = f.sni;
        this.clientAuth = f.clientAuth;
    }

    private TlsOptions(boolean server, Path certChainPem, Path privateKeyPem, KeyStore keyStore, char[] keyStorePassword,
                       Path trustPem, KeyStore trustStore, boolean trustAll, boolean hostnameVerification, boolean sni) {
        this(fields(server, certChainPem, privateKeyPem, keyStore, keyStorePassword, trustPem, trustStore, trustAll,
                hostnameVerification, sni));
    }

    private static Fields fields(boolean server, Path certChainPem, Path privateKeyPem, KeyStore keyStore,
                                 char[] keyStorePassword, Path trustPem, KeyStore trustStore, boolean trustAll,
                                 boolean hostnameVerification, boolean sni) {
        Fields f = new Fields();
        f.server = server;
        f.certChainPem = certChainPem;
        f.privateKeyPem = privateKeyPem;
        f.keyStore = keyStore;
        f.keyStorePassword = keyStorePassword;
        f.trustPem = trustPem;
        f.trustStore = trustStore;
        f.trustAll = trustAll;
        f.hostnameVerification = hostnameVerification;
        f.sni = sni;
        return f;
    }

    private Fields fields() {
        Fields f = fields(server, certChainPem, privateKeyPem, keyStore, keyStorePassword, trustPem, trustStore, trustAll,
                hostnameVerification, sni);
        f.clientAuth = clientAuth;
        return f.copy();
    }

    /**
     * Server side: certificate chain and PKCS#8 private key, both PEM files.
     *
     * @param certChainPem the certificate chain, PEM
     * @param privateKeyPem the PKCS#8 private key, PEM
     * @return server TLS options
     */
    public static TlsOptions server(Path certChainPem, Path privateKeyPem) {
        return new TlsOptions(true, Objects.requireNonNull(certChainPem), Objects.requireNonNull(privateKeyPem), null,
                null, null, null, false, false, false);
    }

    /**
     * Server side: the first key entry of a KeyStore (PKCS12 or JKS).
     *
     * @param keyStore the key store
     * @param password its password
     * @return server TLS options
     */
    public static TlsOptions server(KeyStore keyStore, char[] password) {
        return new TlsOptions(true, null, null, Objects.requireNonNull(keyStore), password, null, null, false, false, false);
    }

    /**
     * Client side trusting the JDK's default CA store.
     *
     * @return client TLS options
     */
    public static TlsOptions client() {
        return new TlsOptions(false, null, null, null, null, null, null, false, true, true);
    }

    /**
     * Client side trusting the CA certificates in a PEM file.
     *
     * @param caPem the CA certificates to trust, PEM
     * @return client TLS options
     */
    public static TlsOptions clientTrusting(Path caPem) {
        return new TlsOptions(false, null, null, null, null, Objects.requireNonNull(caPem), null, false, true, true);
    }

    /**
     * Client side trusting a KeyStore's certificates.
     *
     * @param trustStore the certificates to trust
     * @return client TLS options
     */
    public static TlsOptions clientTrusting(KeyStore trustStore) {
        return new TlsOptions(false, null, null, null, null, null, Objects.requireNonNull(trustStore), false, true, true);
    }

    /**
     * Client side accepting any certificate. For tests against self-signed MCs only.
     *
     * @return client TLS options that trust everyone
     */
    public static TlsOptions insecureTrustAll() {
        return new TlsOptions(false, null, null, null, null, null, null, true, false, true);
    }

    /**
     * This client without host name verification (the certificate chain is still checked).
     *
     * @return these options without hostname verification
     */
    public TlsOptions withoutHostnameVerification() {
        Fields f = fields();
        f.hostnameVerification = false;
        return new TlsOptions(f);
    }

    /**
     * This client without SNI; host name verification then has nothing to check against, so it is off too.
     *
     * @return these options without SNI
     */
    public TlsOptions withoutSni() {
        Fields f = fields();
        f.hostnameVerification = false;
        f.sni = false;
        return new TlsOptions(f);
    }

    /**
     * This server asking clients for a certificate (mutual TLS), trusting the certificates in
     * {@code trusted}: a CA's, or the clients' own. An accepted client's chain is then
     * {@link Session#peerCertificates()}, which a {@link BindAuthenticator} sees as
     * {@link BindRequest#peerSubject()}.
     *
     * @param mode {@link ClientAuth#REQUIRED} or {@link ClientAuth#OPTIONAL}; {@link ClientAuth#NONE} turns it off
     * @param trusted the certificates that may sign (or be) a client's certificate
     * @return these options asking for client certificates
     */
    public TlsOptions withClientAuth(ClientAuth mode, KeyStore trusted) {
        Fields f = serverFields(mode);
        f.trustStore = Objects.requireNonNull(trusted, "trusted");
        f.trustPem = null;
        return new TlsOptions(f);
    }

    /**
     * As {@link #withClientAuth(ClientAuth, KeyStore)}, trusting the certificates in a PEM file.
     *
     * @param mode {@link ClientAuth#REQUIRED} or {@link ClientAuth#OPTIONAL}; {@link ClientAuth#NONE} turns it off
     * @param trustedPem the certificates that may sign (or be) a client's certificate, PEM
     * @return these options asking for client certificates
     */
    public TlsOptions withClientAuth(ClientAuth mode, Path trustedPem) {
        Fields f = serverFields(mode);
        f.trustPem = Objects.requireNonNull(trustedPem, "trustedPem");
        f.trustStore = null;
        return new TlsOptions(f);
    }

    private Fields serverFields(ClientAuth mode) {
        if (!server) {
            throw new IllegalStateException("client certificates are asked for by a server; these are client options");
        }
        Fields f = fields();
        f.clientAuth = Objects.requireNonNull(mode, "mode");
        return f;
    }

    /**
     * This client presenting a certificate to servers that ask for one: the first key entry of a
     * KeyStore (PKCS12 or JKS).
     *
     * @param keyStore the key store holding the client's key and certificate chain
     * @param password its password
     * @return these options with a client certificate
     */
    public TlsOptions withCertificate(KeyStore keyStore, char[] password) {
        Fields f = clientFields();
        f.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        f.keyStorePassword = password;
        f.certChainPem = null;
        f.privateKeyPem = null;
        return new TlsOptions(f);
    }

    /**
     * This client presenting a certificate to servers that ask for one: a certificate chain and
     * a PKCS#8 private key, both PEM files.
     *
     * @param certChainPem the certificate chain, PEM
     * @param privateKeyPem the PKCS#8 private key, PEM
     * @return these options with a client certificate
     */
    public TlsOptions withCertificate(Path certChainPem, Path privateKeyPem) {
        Fields f = clientFields();
        f.certChainPem = Objects.requireNonNull(certChainPem, "certChainPem");
        f.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        f.keyStore = null;
        f.keyStorePassword = null;
        return new TlsOptions(f);
    }

    private Fields clientFields() {
        if (server) {
            throw new IllegalStateException("these are server options; a server's own key is given to server(...)");
        }
        return fields();
    }

    /**
     * Whether a server asks clients for a certificate.
     *
     * @return the mode; {@link ClientAuth#NONE} for clients and by default
     */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /**
     * Whether these are a server's options.
     *
     * @return true for a server
     */
    public boolean isServer() {
        return server;
    }

    /**
     * Whether a client checks that the certificate names the host it connected to.
     *
     * @return true unless turned off
     */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /**
     * Whether a client sends the host name in the TLS handshake (SNI).
     *
     * @return true unless turned off
     */
    public boolean sni() {
        return sni;
    }

    /** Builds the Netty context; called once per Esme connect or Mc start. */
    SslContext newContext() throws SSLException {
        try {
            SslContextBuilder b;
            if (server) {
                if (keyStore != null) {
                    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    kmf.init(keyStore, keyStorePassword);
                    b = SslContextBuilder.forServer(kmf);
                } else {
                    b = SslContextBuilder.forServer(certChainPem.toFile(), privateKeyPem.toFile());
                }
                if (clientAuth != ClientAuth.NONE) {
                    b.clientAuth(clientAuth == ClientAuth.REQUIRED ? io.netty.handler.ssl.ClientAuth.REQUIRE
                            : io.netty.handler.ssl.ClientAuth.OPTIONAL);
                    trust(b);
                }
            } else {
                b = SslContextBuilder.forClient();
                if (keyStore != null) {
                    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    kmf.init(keyStore, keyStorePassword);
                    b.keyManager(kmf);
                } else if (certChainPem != null) {
                    b.keyManager(certChainPem.toFile(), privateKeyPem.toFile());
                }
                if (trustAll) {
                    b.trustManager(InsecureTrustManagerFactory.INSTANCE);
                } else {
                    trust(b);
                }
                b.endpointIdentificationAlgorithm(hostnameVerification ? "HTTPS" : null);
            }
            return b.sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
        } catch (SSLException e) {
            throw e;
        } catch (Exception e) {
            throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The configured trusted certificates, or the JDK's default CA store when there are none. */
    private void trust(SslContextBuilder b) throws Exception {
        if (trustPem != null) {
            b.trustManager(trustPem.toFile());
        } else if (trustStore != null) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            b.trustManager(tmf);
        }
    }

    static SslHandler clientHandler(SslContext ctx, ByteBufAllocator alloc, String host, int port, boolean sni) {
        SslHandler h = sni ? ctx.newHandler(alloc, host, port) : ctx.newHandler(alloc);
        SSLEngine engine = h.engine();
        SSLParameters p = engine.getSSLParameters();
        engine.setSSLParameters(p);
        return h;
    }
}
