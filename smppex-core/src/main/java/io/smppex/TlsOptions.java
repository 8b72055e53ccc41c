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
 */
public final class TlsOptions {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

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

    private TlsOptions(boolean server, Path certChainPem, Path privateKeyPem, KeyStore keyStore, char[] keyStorePassword,
                       Path trustPem, KeyStore trustStore, boolean trustAll, boolean hostnameVerification, boolean sni) {
        this.server = server;
        this.certChainPem = certChainPem;
        this.privateKeyPem = privateKeyPem;
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
        this.trustPem = trustPem;
        this.trustStore = trustStore;
        this.trustAll = trustAll;
        this.hostnameVerification = hostnameVerification;
        this.sni = sni;
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
        return new TlsOptions(server, certChainPem, privateKeyPem, keyStore, keyStorePassword, trustPem, trustStore, trustAll,
                false, sni);
    }

    /**
     * This client without SNI; host name verification then has nothing to check against, so it is off too.
     *
     * @return these options without SNI
     */
    public TlsOptions withoutSni() {
        return new TlsOptions(server, certChainPem, privateKeyPem, keyStore, keyStorePassword, trustPem, trustStore, trustAll,
                false, false);
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
            } else {
                b = SslContextBuilder.forClient();
                if (trustAll) {
                    b.trustManager(InsecureTrustManagerFactory.INSTANCE);
                } else if (trustPem != null) {
                    b.trustManager(trustPem.toFile());
                } else if (trustStore != null) {
                    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    tmf.init(trustStore);
                    b.trustManager(tmf);
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

    static SslHandler clientHandler(SslContext ctx, ByteBufAllocator alloc, String host, int port, boolean sni) {
        SslHandler h = sni ? ctx.newHandler(alloc, host, port) : ctx.newHandler(alloc);
        SSLEngine engine = h.engine();
        SSLParameters p = engine.getSSLParameters();
        engine.setSSLParameters(p);
        return h;
    }
}
