package io.smppex.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The README is code: every {@code java} block of smppex-test/README.md is compiled as it stands
 * (the first one as the complete class it is, each recipe as the body of a test method of the
 * class the README describes) and run through the JUnit Platform, as a user's build runs tests.
 */
class ReadmeTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    /** The class each recipe is a method of, as the README's "Recipes" section says. */
    private static final String RECIPE_CLASS = """
            import static io.smppex.test.Requests.*;
            import static io.smppex.test.SmppAssertions.assertThat;
            import static org.assertj.core.api.Assertions.assertThat;

            import io.smppex.*;
            import io.smppex.pdu.*;
            import io.smppex.pdu.field.*;
            import io.smppex.pdu.text.*;
            import io.smppex.sim.Mo;
            import io.smppex.test.*;
            import java.time.Duration;
            import java.util.List;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.extension.RegisterExtension;

            class %s {
                @RegisterExtension final SmppSimExtension mc = SmppSimExtension.create();
                @RegisterExtension final FakeEsmeExtension esmes = FakeEsmeExtension.create();

                static SubmitSm submit(String to, String text) {
                    return PduFactory.submitSm(Address.of("Shop"), Address.of(to), text, RegisteredDelivery.RECEIPT_ON_FINAL);
                }

                @Test
                void recipe() throws Exception {
            %s
                }
            }
            """;

    @TempDir
    Path out;

    private record Source(String className, String code, int line) {
    }

    private static List<Source> sources() throws Exception {
        String readme = Files.readString(README);
        List<Source> sources = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            String block = m.group(1);
            int line = readme.substring(0, m.start()).split("\n", -1).length + 1;
            if (sources.isEmpty()) {
                Matcher name = CLASS_NAME.matcher(block);
                assertThat(name.find()).as("the README's first java block is a whole test class").isTrue();
                sources.add(new Source(name.group(1), block, line));
            } else {
                String name = "ReadmeRecipeAtLine" + line;
                sources.add(new Source(name, String.format(Locale.ROOT, RECIPE_CLASS, name, block), line));
            }
        }
        return sources;
    }

    @Test
    void theReadmeOpensWithACompleteTestClassAndHasARecipePerCapability() throws Exception {
        List<Source> sources = sources();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(8);
        assertThat(sources.get(0).code()).contains("@RegisterExtension", "SmppSimExtension", "@Test")
                .doesNotContain("package ");
        String readme = Files.readString(README);
        assertThat(readme.indexOf("```java")).as("the first code block after the Maven coordinates is the class")
                .isLessThan(readme.indexOf("## Recipes"));
        assertThat(readme).contains("### Stubs", "### Receipts", "### MO messages", "### The journal",
                "### AssertJ assertions", "### A fake ESME");
    }

    @Test
    void everyJavaBlockCompilesAndPasses() throws Exception {
        List<Source> sources = sources();
        Path src = Files.createDirectories(out.resolve("src"));
        Path classes = Files.createDirectories(out.resolve("classes"));
        List<File> files = new ArrayList<>();
        for (Source s : sources) {
            Path f = src.resolve(s.className() + ".java");
            Files.writeString(f, s.code());
            files.add(f.toFile());
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-classpath", classpath, "-d", classes.toString(),
                    "-proc:none", "-Xlint:none"), null, fm.getJavaFileObjectsFromFiles(files)).call();
            StringBuilder why = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    why.append(d.getSource() == null ? "" : new File(d.getSource().getName()).getName()).append(':')
                            .append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
                }
            }
            assertThat(ok).as("the README's java blocks compile; errors:\n%s", why).isTrue();
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeTest.class.getClassLoader())) {
            for (Source s : sources) {
                Class<?> test = loader.loadClass(s.className());
                EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(test))
                        .execute();
                String failures = results.testEvents().failed().stream()
                        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(String::valueOf).orElse("?"))
                        .reduce("", (a, b) -> a + "\n" + b);
                assertThat(results.testEvents().failed().count())
                        .as("README block at line %d (%s) fails:%s", s.line(), s.className(), failures).isZero();
                assertThat(results.testEvents().succeeded().count())
                        .as("README block at line %d ran", s.line()).isPositive();
            }
        }
    }
}
