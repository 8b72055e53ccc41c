package io.smppex.robustness.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server keys made at test time with the JDK's keytool (nothing secret committed): a CA, and two
 * leaves it signed for IP 127.0.0.1 and localhost: {@code good}, valid now, and {@code expired},
 * valid for one day ending a week ago. Leaves, not self-signed certificates, because the JDK does
 * not check the validity of a trust anchor itself. (The interop module's TestPki covers host name
 * mismatch and foreign issuers.)
 */
final class TestKeys {
    static final String PASSWORD = "changeit";
    private final Path dir;

    private TestKeys(Path dir) {
        this.dir = dir;
    }

    static TestKeys generate(Path dir) {
        run(dir, List.of("-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-dname", "CN=robustness test CA",
                "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "2"));
        run(dir, List.of("-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.pem"));
        // The two leaves are independent: make them side by side.
        Thread expired = new Thread(() -> leaf(dir, "expired", "-8d"));
        expired.start();
        leaf(dir, "good", null);
        try {
            expired.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!java.nio.file.Files.exists(dir.resolve("expired.done"))) {
            throw new IllegalStateException("could not make the expired certificate");
        }
        return new TestKeys(dir);
    }

    /** A key for 127.0.0.1/localhost signed by the CA; with a start date, valid for one day from then. */
    private static void leaf(Path dir, String name, String startDate) {
        run(dir, List.of("-genkeypair", "-keystore", name + ".p12", "-alias", name, "-dname", "CN=localhost",
                "-validity", "2"));
        run(dir, List.of("-certreq", "-keystore", name + ".p12", "-alias", name, "-file", name + ".csr"));
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-keystore", "ca.p12", "-alias", "ca",
                "-infile", name + ".csr", "-outfile", name + ".crt", "-rfc", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth", "-validity", startDate == null ? "2" : "1"));
        if (startDate != null) {
            gencert.addAll(List.of("-startdate", startDate));
        }
        run(dir, gencert);
        run(dir, List.of("-importcert", "-keystore", name + ".p12", "-alias", "ca", "-file", "ca.pem", "-noprompt"));
        run(dir, List.of("-importcert", "-keystore", name + ".p12", "-alias", name, "-file", name + ".crt", "-noprompt"));
        try {
            java.nio.file.Files.writeString(dir.resolve(name + ".done"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path dir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-storetype", "PKCS12", "-storepass", PASSWORD));
        cmd.addAll(args);
        if (args.get(0).equals("-genkeypair")) {
            cmd.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
        }
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

    Path p12(String name) {
        return dir.resolve(name + ".p12");
    }

    KeyStore keyStore(String name) {
        try (InputStream in = java.nio.file.Files.newInputStream(p12(name))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding only the CA's certificate. */
    KeyStore trustingCa() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", keyStore("ca").getCertificate("ca"));
            return ts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
