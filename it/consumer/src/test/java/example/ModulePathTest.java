package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's module-path paragraph, done as it says: a module that requires io.smppex.core,
 * io.smppex.pdu and io.smppex.sim (the jars' Automatic-Module-Names), compiled and run on the
 * module path with the installed jars, Netty and SLF4J added with --add-modules. Without them the
 * same run fails, which is why the README names them.
 */
@Timeout(120)
class ModulePathTest {

    @Test
    void aModuleRequiringTheAutomaticModulesRunsAnEsmeAgainstTheSimulator(@TempDir Path tmp) throws Exception {
        String modulePath = dependencyJars().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Path src = Files.createDirectories(tmp.resolve("src/modular"));
        Files.writeString(src.getParent().resolve("module-info.java"),
                "module consumer.modular { requires io.smppex.core; requires io.smppex.pdu; requires io.smppex.sim; }\n");
        Files.writeString(src.resolve("Main.java"), """
                package modular;

                import io.smppex.SyncEsme;
                import io.smppex.pdu.PduFactory;
                import io.smppex.sim.SmppSimulator;
                import java.time.Duration;

                public class Main {
                    public static void main(String[] args) {
                        try (SmppSimulator sim = SmppSimulator.builder().port(0).start();
                                SyncEsme esme = SyncEsme.connect("127.0.0.1", sim.port())) {
                            esme.request(PduFactory.bindTransmitter("user", "secret"), Duration.ofSeconds(5));
                            System.out.println(esme.request(PduFactory.submitSm("Shop", "447700900123", "hi"),
                                    Duration.ofSeconds(5)).status());
                        }
                    }
                }
                """);
        Path classes = tmp.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--module-path", modulePath, "-d", classes.toString(),
                src.getParent().resolve("module-info.java").toString(), src.resolve("Main.java").toString());
        assertEquals(0, compiled, "the module compiles against the automatic modules");

        String path = classes + File.pathSeparator + modulePath;
        Run ok = java("--module-path", path, "--add-modules", "io.netty.transport,io.netty.handler,org.slf4j",
                "-m", "consumer.modular/modular.Main");
        assertEquals(0, ok.code, ok.toString());
        assertTrue(ok.out.contains("ESME_ROK"), ok.toString());

        Run without = java("--module-path", path, "-m", "consumer.modular/modular.Main");
        assertFalse(without.code == 0, "without --add-modules the Netty classes are not found: " + without);
        assertTrue(without.err.contains("NoClassDefFoundError"), without.toString());
    }

    /** The jars of the installed artifacts this run needs, with Netty, SLF4J and its binding, from the test class path. */
    private static List<Path> dependencyJars() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> jars = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.matches("smppex-(pdu|core|sim)-.*") || name.startsWith("netty-")
                    || name.startsWith("slf4j-api-") || name.startsWith("slf4j-simple-"))) {
                jars.add(Path.of(entry));
            }
        }
        List<String> names = jars.stream().map(j -> j.getFileName().toString()).toList();
        for (String needed : List.of("smppex-pdu-", "smppex-core-", "smppex-sim-", "netty-transport-", "slf4j-api-")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(needed)), needed + " is not on the test class path: " + names);
        }
        return jars;
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p, true));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p, false));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java " + command + " did not finish");
        }
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(Process p, boolean out) {
        try {
            return new String((out ? p.getInputStream() : p.getErrorStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
