package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/smppex and bin/smppsend give the JVM an explicit heap (512m), SMPPEX_HEAP overrides it and an
 * -Xmx in SMPPEX_JAVA_OPTS wins over both. The launchers run from a copy of the repository's
 * launcher files beside an empty, fresh jar, so nothing is built; SMPPEX_JAVA_OPTS ends in
 * {@code -XX:+PrintFlagsFinal -version}, so the launched JVM reports its MaxHeapSize and exits
 * before it would open the jar.
 */
@Timeout(120)
class LauncherHeapTest {
    private static final Path ROOT = Path.of(System.getProperty("smppex.repo.root", "..")).toAbsolutePath().normalize();
    private static final Pattern MAX_HEAP = Pattern.compile("\\bMaxHeapSize\\s*=\\s*(\\d+)");
    private static final String REPORT = " -XX:+PrintFlagsFinal -version";

    @TempDir
    Path copy;

    record Run(int code, String out) {
    }

    @BeforeEach
    void copyLaunchers() throws IOException {
        for (String f : new String[] {"bin/smppex", "bin/smppsend", "smppex-cli/src/main/sh/run-smppex"}) {
            Path to = copy.resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(ROOT.resolve(f), to);
        }
        Path jar = copy.resolve("smppex-cli/target/smppex.jar");
        Files.createDirectories(jar.getParent());
        // A valid, empty jar: the java launcher reads its manifest before it acts on -version.
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.flush();
        }
    }

    private Run run(String launcher, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", copy.resolve("bin").resolve(launcher).toString(), "--help")
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMPPEX_"));
        pb.environment().put("SMPPEX_NO_BUILD", "1");
        // The launcher runs the java on the PATH: make it this JDK's.
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private long maxHeap(String launcher, Map<String, String> env) throws Exception {
        Run r = run(launcher, env);
        assertThat(r.code()).as("exit of %s:%n%s", launcher, r.out()).isZero();
        Matcher m = MAX_HEAP.matcher(r.out());
        assertThat(m.find()).as("MaxHeapSize in:%n%s", r.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void launchersSetA512MegabyteHeapByDefault() throws Exception {
        assertThat(maxHeap("smppex", Map.of("SMPPEX_JAVA_OPTS", REPORT.trim()))).isEqualTo(512L << 20);
        assertThat(maxHeap("smppsend", Map.of("SMPPEX_JAVA_OPTS", REPORT.trim()))).isEqualTo(512L << 20);
    }

    @Test
    void smppexHeapOverridesTheDefault() throws Exception {
        assertThat(maxHeap("smppex", Map.of("SMPPEX_HEAP", "256m", "SMPPEX_JAVA_OPTS", REPORT.trim())))
                .isEqualTo(256L << 20);
        assertThat(maxHeap("smppsend", Map.of("SMPPEX_HEAP", "1g", "SMPPEX_JAVA_OPTS", REPORT.trim())))
                .isEqualTo(1024L << 20);
    }

    @Test
    void anXmxInSmppexJavaOptsWinsOverBoth() throws Exception {
        assertThat(maxHeap("smppex", Map.of("SMPPEX_HEAP", "256m", "SMPPEX_JAVA_OPTS", "-Xmx384m" + REPORT)))
                .isEqualTo(384L << 20);
    }

    @Test
    void aMalformedHeapSizeIsRefusedBeforeTheJvmStarts() throws Exception {
        Run r = run("smppex", Map.of("SMPPEX_HEAP", "lots", "SMPPEX_JAVA_OPTS", REPORT.trim()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("SMPPEX_HEAP").doesNotContain("MaxHeapSize");
    }
}
