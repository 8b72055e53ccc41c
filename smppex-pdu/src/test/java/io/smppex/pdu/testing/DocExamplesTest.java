package io.smppex.pdu.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared doc-examples check itself: it must catch an example that no test runs. */
class DocExamplesTest {

    private static final String README = """
            # Title

            ```java
            int a = 1;
            int b = a + 1;
            ```

            Text.

            ```java
            String never = "run";
            ```

            ```xml
            <not-java/>
            ```
            """;

    private static final String RUNNING_TEST = """
            class T {
                void t() {
                    // example:start
                    int a = 1;
                        int b = a + 1;
                    assertThat(b).isEqualTo(2);   // test-only
                    // example:end
                }
            }
            """;

    @Test
    void anExampleNoTestRunsIsReportedWithWhereItIs() {
        DocExamples docs = DocExamples.create().markdownText("README.md", README).testText(RUNNING_TEST);
        assertThat(docs.examples()).hasSize(2);
        assertThat(docs.unrun()).extracting(DocExamples.Example::where).containsExactly("README.md:10");
        assertThatThrownBy(() -> docs.assertEveryExampleIsRun(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 example(s) not run")
                .hasMessageContaining("README.md:10")
                .hasMessageContaining("String never = \"run\";");
    }

    @Test
    void examplesRunAsWrittenPassWhitespaceAndTestOnlyLinesAside() {
        DocExamples docs = DocExamples.create()
                .markdownText("README.md", README.replace("```java\nString never = \"run\";\n```\n", ""))
                .testText(RUNNING_TEST);
        assertThat(docs.examples()).hasSize(1);
        assertThat(docs.unrun()).isEmpty();
        docs.assertEveryExampleIsRun(1);
    }

    @Test
    void aTestOnlyLineInTheDocumentIsNotRunAsWritten() {
        String shown = README.replace("int b = a + 1;", "int b = a + 1;\nassertThat(b).isEqualTo(2);   // test-only");
        DocExamples docs = DocExamples.create().markdownText("README.md", shown).testText(RUNNING_TEST);
        assertThat(docs.unrun()).extracting(DocExamples.Example::where).contains("README.md:3");
    }

    @Test
    void javadocExamplesLoseTheirMarginAndAChangedOneIsReported() {
        String source = """
                /**
                 * Use it so:
                 * <pre>{@code
                 * int a = 1;
                 * int b = a + 1;
                 * }</pre>
                 */
                class Documented {}
                """;
        DocExamples ok = DocExamples.create().javadocText("Documented.java", source).testText(RUNNING_TEST);
        assertThat(ok.examples()).extracting(DocExamples.Example::code).containsExactly("int a = 1;\nint b = a + 1;");
        ok.assertEveryExampleIsRun(1);
        DocExamples changed = DocExamples.create().javadocText("Documented.java", source.replace("a + 1", "a + 2"))
                .testText(RUNNING_TEST);
        assertThatThrownBy(() -> changed.assertEveryExampleIsRun(1)).hasMessageContaining("Documented.java:3");
    }

    @Test
    void findingFewerExamplesThanExpectedFails() {
        DocExamples none = DocExamples.create().markdownText("README.md", "no code here\n").testText(RUNNING_TEST);
        assertThatThrownBy(() -> none.assertEveryExampleIsRun(1)).hasMessageContaining("expected at least 1 examples, found 0");
    }
}
