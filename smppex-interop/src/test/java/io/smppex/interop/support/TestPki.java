package io.smppex.interop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Test keys and certificates, made at test time with the JDK's keytool so that nothing secret is
 * committed and a machine needs nothing beyond the JDK:
 *
 * <ul>
 * <li>a CA;</li>
 * <li>{@code server}: signed by the CA for {@code IP:127.0.0.1, DNS:localhost};</li>
 * <li>{@code mismatch}: signed by the CA for {@code DNS:mc.invalid} only, to fail host name checks;</li>
 * <li>{@code rogue}: self-signed for the right names, to fail chain checks.</li>
 * </ul>
 *
 * Each comes as a PKCS12 KeyStore, a PEM certificate chain and a PKCS#8 PEM private key.
 * {@link #generate} writes into any directory (a {@code @TempDir}); {@link Resolver} makes one set
 * per test run, because keytool costs half a second a call, and deletes it when the run ends.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static TestPki generate(Path dir) {
        TestPki pki = new TestPki(dir);
        keytool(dir, "-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-dname", "CN=smppex interop test CA",
                "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign");
        keytool(dir, "-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.pem");
        // The three end-entity sets are independent of each other: make them side by side.
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable r : List.<Runnable>of(
                () -> pki.signed("server", "san=ip:127.0.0.1,dns:localhost"),
                () -> pki.signed("mismatch", "san=dns:mc.invalid"),
                () -> pki.selfSigned("rogue", "san=ip:127.0.0.1,dns:localhost"))) {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        pki.writeTrustStore();
        return pki;
    }

    private void signed(String name, String san) {
        keytool(dir, "-genkeypair", "-keystore", name + ".p12", "-alias", name, "-dname", "CN=" + name);
        keytool(dir, "-certreq", "-keystore", name + ".p12", "-alias", name, "-file", name + ".csr");
        keytool(dir, "-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", name + ".csr", "-outfile", name + ".crt",
                "-rfc", "-ext", san, "-ext", "eku=serverAuth", "-ext", "ku=digitalSignature");
        // keytool installs a certificate reply only when it can chain it to a certificate it trusts.
        keytool(dir, "-importcert", "-keystore", name + ".p12", "-alias", "ca", "-file", "ca.pem", "-noprompt");
        keytool(dir, "-importcert", "-keystore", name + ".p12", "-alias", name, "-file", name + ".crt", "-noprompt");
        writePems(name);
    }

    private void selfSigned(String name, String san) {
        keytool(dir, "-genkeypair", "-keystore", name + ".p12", "-alias", name, "-dname", "CN=localhost", "-ext", san);
        writePems(name);
    }

    /** The chain as PEM certificates and the key as unencrypted PKCS#8 PEM, read from the KeyStore. */
    private void writePems(String name) {
        try {
            KeyStore ks = load(dir.resolve(name + ".p12"));
            Key key = ks.getKey(name, PASSWORD.toCharArray());
            StringBuilder chain = new StringBuilder();
            for (Certificate c : ks.getCertificateChain(name)) {
                chain.append(pem("CERTIFICATE", c.getEncoded()));
            }
            Files.writeString(dir.resolve(name + "-chain.pem"), chain);
            Files.writeString(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + name + ".p12", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA as the only trusted entry of a PKCS12 trust store, for peers configured by file. */
    private void writeTrustStore() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", caCertificate());
            try (OutputStream out = Files.newOutputStream(trustStoreP12())) {
                ts.store(out, PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // A short-lived JVM: skip the optimising compiler, it only costs start-up time here.
        cmd.add("-J-XX:TieredStopAtLevel=1");
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (args[0].equals("-genkeypair") || args[0].equals("-gencert")) {
            // Two days: long enough for any run, short enough that a stray file is worthless.
            cmd.addAll(List.of("-validity", "2"));
        }
        if (args[0].equals("-genkeypair")) {
            // EC keys are made in milliseconds, RSA ones take far longer.
            cmd.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
        }
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path p12) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    public Path dir() {
        return dir;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public X509Certificate caCertificate() {
        try {
            return (X509Certificate) load(dir.resolve("ca.p12")).getCertificate("ca");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PKCS12 holding only the CA as a trusted certificate. */
    public Path trustStoreP12() {
        return dir.resolve("trust.p12");
    }

    public KeyStore trustStore() {
        return keyStore(trustStoreP12());
    }

    /** {@code server}, {@code mismatch} or {@code rogue}. */
    public Path p12(String name) {
        return dir.resolve(name + ".p12");
    }

    public KeyStore keyStore(String name) {
        return keyStore(p12(name));
    }

    private static KeyStore keyStore(Path p) {
        try {
            return load(p);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate chain, leaf first, as PEM. */
    public Path chainPem(String name) {
        return dir.resolve(name + "-chain.pem");
    }

    /** The private key as unencrypted PKCS#8 PEM. */
    public Path keyPem(String name) {
        return dir.resolve(name + "-key.pem");
    }

    /**
     * Resolves a {@link TestPki} parameter with one set of keys per test run, kept in the root
     * context and deleted when the run ends.
     */
    public static final class Resolver implements ParameterResolver {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestPki.class);

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == TestPki.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return c.getRoot().getStore(NS).getOrComputeIfAbsent("pki", k -> new Holder(), Holder.class).pki;
        }
    }

    private static final class Holder implements AutoCloseable {
        final TestPki pki;

        Holder() {
            try {
                pki = generate(Files.createTempDirectory("smppex-interop-pki"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> files = Files.walk(pki.dir)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
