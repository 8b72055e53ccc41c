package io.smppex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keys made at test time with the JDK's keytool, in a temporary directory (nothing secret is
 * committed): self-signed EC keys named {@code server} (for 127.0.0.1 and localhost), and
 * {@code alice} and {@code mallory}, two client identities of which the tests trust only alice.
 */
final class TestKeys {
    static final String PASSWORD = "changeit";
    static final String ALICE_SUBJECT = "CN=alice, O=smppex tests";
    private final Path dir;

    private TestKeys(Path dir) {
        this.dir = dir;
    }

    static TestKeys generate(Path dir) {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The keys are independent: make them side by side (each keytool is a JVM start).
        for (String[] key : new String[][] {{"server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost"},
                {"alice", ALICE_SUBJECT, null}, {"mallory", "CN=mallory, O=smppex tests", null}}) {
            Thread t = new Thread(() -> {
                try {
                    List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", key[0] + ".p12", "-alias", key[0],
                            "-dname", key[1], "-validity", "2"));
                    if (key[2] != null) {
                        args.addAll(List.of("-ext", key[2]));
                    }
                    run(dir, args);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("keytool failed", failures.get(0));
        }
        return new TestKeys(dir);
    }

    private static void run(Path dir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-storetype", "PKCS12", "-storepass", PASSWORD, "-keyalg", "EC",
                "-groupname", "secp256r1"));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The key store holding {@code name}'s key and self-signed certificate. */
    KeyStore keyStore(String name) {
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Certificate certificate(String name) {
        try {
            return keyStore(name).getCertificate(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding only {@code name}'s certificate. */
    KeyStore trusting(String name) {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry(name, certificate(name));
            return ts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    TlsOptions server() {
        return TlsOptions.server(keyStore("server"), PASSWORD.toCharArray());
    }

    TlsOptions clientTrustingServer() {
        return TlsOptions.clientTrusting(trusting("server"));
    }
}
