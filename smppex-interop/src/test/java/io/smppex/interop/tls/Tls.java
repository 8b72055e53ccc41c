package io.smppex.interop.tls;

import io.smppex.interop.support.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK TLS contexts from the test keys, for the peers configured with one (jSMPP), and the probe runner. */
final class Tls {
    private Tls() {
    }

    static SSLContext server(TestPki pki, String name) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(pki.keyStore(name), TestPki.PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SSLContext clientTrustingCa(TestPki pki) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(pki.trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@link TlsProbe} in a fresh JVM whose security properties no longer disable TLS 1.0 and
     * 1.1, and returns its output.
     */
    static String probe(TestPki pki, int port, String version) {
        try {
            Path props = pki.dir().resolve("legacy-tls.security");
            Files.writeString(props, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
                    + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
            Path classes = Path.of(TlsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Djava.security.properties=" + props, "-cp", classes.toString(),
                    TlsProbe.class.getName(), Integer.toString(port), version, pki.caPem().toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("TLS probe did not finish: " + out);
            }
            return out;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
